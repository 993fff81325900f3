package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dead location shifts at once, but only what ready instances carry below the interim ceiling
 * (spilling to the next nearest up to max-receivers); the rest follows when its receivers are
 * ready. Found by the us-east-1 drill: receivers ran past 100% for minutes; and by the lab, where
 * receivers run at exactly 100% of their ready instances answered 5xx.
 */
class InterimShiftTest {

    // 800 rps per catchment; 10 ready instances of 100 rps, used up to the 90% ceiling: 100 rps of
    // headroom per location now.
    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(),
            TestTopologies.equator(800, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14));

    private double load(String location) {
        double load = 0;
        for (String c : world.topology.ids()) {
            load += 800 * world.fraction(c, location);
        }
        return load;
    }

    @Test
    void aDeadLocationMovesAllItsUsersAtOnceOntoReadyRoomWithoutOverloadingAnyone() {
        world.confirmScaleUps = false;
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(8);

        // A dead location serves nobody: its 800 rps go where ready room is now (14 others with 100
        // rps of headroom each), beyond planner.max-receivers if need be, rather than fail at home;
        // none runs past 90% of its ready instances.
        assertEquals(0.0, world.fraction("loc-07", "loc-07"), 1e-9);
        for (String r : world.topology.ids()) {
            if (!r.equals("loc-07")) {
                assertTrue(load(r) <= 900 + 1e-6, r + " carries " + load(r) + " rps on 1,000 of capacity");
            }
        }
    }

    @Test
    void theRestMovesOnceTheReceiversAreReady() {
        world.confirmScaleUps = false;
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(8);

        for (Action.PreScale p : world.all(Action.PreScale.class)) {
            world.outcome(new ActionOutcome.ScaleResult(p.location(), p.instances(), ActionOutcome.ScaleStatus.READY, ""));
        }
        world.run(3);

        assertEquals(0.0, world.fraction("loc-07", "loc-07"), 1e-9);
        // What spilled beyond the planned receiver moves to it too (loc-06's maximum holds all of
        // loc-07's 800 rps on top of its own 800), and the message says how much.
        List<String> serving = world.topology.ids().stream().filter(s -> world.fraction("loc-07", s) > 1e-9).toList();
        assertEquals(List.of("loc-06"), serving);
        List<Decision> shifting = world.decisions(DecisionKind.TRAFFIC_SHIFTING);
        String last = shifting.get(shifting.size() - 1).summary();
        Matcher m = Pattern.compile("moving the (\\d+)% that waited").matcher(last);
        assertTrue(m.find() && Integer.parseInt(m.group(1)) >= 25, last);
    }

    @Test
    void aLocationBackBeforeItsReceiversAreReadyFailsBackWithoutLoadingThemMore() {
        world.confirmScaleUps = false;
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(8);
        double[] interim = new double[15];
        for (int r = 0; r < 15; r++) {
            interim[r] = load(world.topology.ids().get(r));
        }

        world.clear().run(70);

        assertEquals(1, world.decisions(DecisionKind.FAILBACK_STEP).stream()
                .filter(d -> d.summary().contains("once DNS carries it")).count());
        for (int r = 0; r < 15; r++) {
            String id = world.topology.ids().get(r);
            if (!id.equals("loc-07")) {
                assertTrue(load(id) <= interim[r] + 1e-6, id + ": " + load(id) + " > " + interim[r]);
            }
        }
    }

    @Test
    void trafficSpilledBeyondThePlannedReceiversMovesToThemOnceReady() {
        // 700 rps per catchment: 200 rps of headroom each below the ceiling, so the spill takes
        // everything the planned receivers cannot, and nothing stays home.
        EngineHarness spilled = new EngineHarness(EngineConfig.defaults(),
                TestTopologies.equator(700, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14));
        spilled.confirmScaleUps = false;
        spilled.run(10);
        spilled.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(8);
        long spillServing = spilled.topology.ids().stream().filter(s -> spilled.fraction("loc-07", s) > 1e-9).count();

        for (Action.PreScale p : spilled.all(Action.PreScale.class)) {
            spilled.outcome(new ActionOutcome.ScaleResult(p.location(), p.instances(), ActionOutcome.ScaleStatus.READY, ""));
        }
        spilled.run(3);

        assertEquals(0.0, spilled.fraction("loc-07", "loc-07"), 1e-9);
        assertTrue(spillServing > 1, "the interim spilled beyond the planned receiver: " + spillServing);
        assertEquals(List.of("loc-06"), spilled.topology.ids().stream().filter(s -> spilled.fraction("loc-07", s) > 1e-9)
                .toList());
    }
}
