package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.engine.OperatorCommand;
import houston.core.props.EngineScenario;
import houston.core.props.History;
import houston.core.props.History.Tick;
import houston.core.props.HistoryRunner;
import houston.core.props.Invariant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tester's afternoon on the shipped topology, replayed: operator evacuations of us-east-1,
 * eu-west-1 (2 h), ap-south-1 (1 h) and us-west-2 and a 3 h freeze within five minutes, a restart
 * between them, DNS confirming every publish and no receiver ever growing. Once eu-west-2 gave up,
 * eu-west-1's users flipped between eu-central-1 and home every second: a new plan generation, a
 * decision "moving 0% of the 90% that waited" and a Slack line per tick.
 */
class OperatorEvacuationsPublishTest {

    private static final Set<Invariant> CHECKED = Set.of(Invariant.NO_REPUBLISH_OF_EQUAL_ROWS,
            Invariant.SHIFTS_MOVE_TRAFFIC, Invariant.RECEIVERS_WITHIN_READY_CAPACITY);

    /** One tick a second for {@code seconds}, DNS confirming, with {@code at} second's commands and a restart. */
    private static History afternoon(int seconds, Map<Integer, List<OperatorCommand>> at, int restartAt) {
        List<Tick> ticks = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            Tick tick = Tick.after(1000).with(new History.PublishOutcome(PublishStatus.INSYNC, false));
            if (s == restartAt) {
                tick = tick.with(new History.Restart());
            }
            ticks.add(at.containsKey(s) ? tick.with(at.get(s).toArray(OperatorCommand[]::new)) : tick);
        }
        return new History(ticks);
    }

    private static List<HistoryRunner.Entry> play() {
        Map<Integer, List<OperatorCommand>> commands = Map.of(
                5, List.of(new OperatorCommand.Evacuate("us-east-1", Duration.ofMinutes(30), "db failover", "U0ALICE")),
                58, List.of(new OperatorCommand.Evacuate("eu-west-1", Duration.ofHours(2), "restart test", "U0ALICE"),
                        new OperatorCommand.Freeze(Duration.ofHours(3), "restart test freeze", "U0ALICE")),
                240, List.of(new OperatorCommand.Evacuate("ap-south-1", Duration.ofHours(1), "kill mid", "U0ALICE")),
                312, List.of(new OperatorCommand.Restore("us-east-1", "U0BOB"),
                        new OperatorCommand.Evacuate("us-west-2", null, null, "U0BOB"),
                        new OperatorCommand.Evacuate("us-east-1", Duration.ofMinutes(10), "?", "U0BOB")));
        EngineScenario scenario = new EngineScenario(DefaultTopologyEnginePropertiesTest.SETTINGS.topology(),
                DefaultTopologyEnginePropertiesTest.SETTINGS.engine(), afternoon(720, commands, 35));
        return scenario.play(CHECKED);
    }

    @Test
    void receiversThatNeverGrowLeaveThePlanStandingOnceReadyRoomIsUsed() {
        List<HistoryRunner.Entry> journal = play();

        // us-west-2's receivers give up at 10:12 (five minutes after its evacuation) and the room that
        // frees is used in the next tick; after that everyone is where ready room lets them be, and
        // the plan stands (the run published a new generation every second from 05:59 on).
        List<String> publishes = journal.subList(journal.size() - 100, journal.size()).stream()
                .flatMap(e -> e.actions().stream().filter(a -> a instanceof Action.PublishPlan).map(a -> e.at() + " " + a)).toList();
        assertEquals(List.of(), publishes);
    }

    @Test
    void noUserOfAnEvacuatedLocationIsSentBackHomeWhileItsReceiversScale() {
        List<HistoryRunner.Entry> journal = play();

        // eu-west-1 is pinned evacuated: once its users are served away, none is planned back on it.
        for (HistoryRunner.Entry e : journal.subList(120, journal.size())) {
            for (Action.PublishPlan p : e.actions().stream().filter(a -> a instanceof Action.PublishPlan)
                    .map(a -> (Action.PublishPlan) a).toList()) {
                assertTrue(p.plan().fraction("eu-west-1", "eu-west-1") < 0.05,
                        "generation " + p.plan().generation() + " serves " + p.plan().fraction("eu-west-1", "eu-west-1")
                                + " of eu-west-1 at home at " + e.at());
            }
        }
    }
}
