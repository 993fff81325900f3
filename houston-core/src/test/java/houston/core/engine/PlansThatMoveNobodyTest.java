package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.DemandConfig;
import houston.core.config.DnsFallbackConfig;
import houston.core.config.EngineConfig;
import houston.core.config.FailbackConfig;
import houston.core.config.HealthConfig;
import houston.core.config.HysteresisConfig;
import houston.core.config.PlannerConfig;
import houston.core.config.SafetyConfig;
import houston.core.model.CapacityModel;
import houston.core.model.LocationState;
import houston.core.model.Topology;
import houston.core.props.EngineScenario;
import houston.core.props.History;
import houston.core.props.History.Tick;
import houston.core.props.HistoryRunner;
import houston.core.props.Invariant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decision that moves nobody is not one: no new plan generation (a DNS change batch, a
 * confirmation to wait for), no TRAFFIC_SHIFTING line in the incident thread. Histories the engine
 * properties shrank to on random topologies: loc-00 has 18 ready instances of 721 rps for its own
 * 799 rps, loc-01 and loc-02 take nothing, and loc-03 (2,285 rps on 63 instances of 38 rps) has no
 * ready room at all: whatever is evacuated waits where it is for loc-03's pre-scale.
 */
class PlansThatMoveNobodyTest {

    private static final Topology NO_READY_ROOM = Topology.greatCircle(List.of(
            TestTopologies.location("loc-00", 14.0, -87.0, 799.4448, new CapacityModel(18, 721.0, 10, 380, 0.44, Duration.ofMillis(35000))),
            TestTopologies.location("loc-01", 60.0, 0.0, 0.0, new CapacityModel(0, 10.0, 0, 1, 1.0, Duration.ofMillis(0))),
            TestTopologies.location("loc-02", 1.0, -180.0, 0.0, new CapacityModel(0, 10.0, 0, 1, 1.0, Duration.ofMillis(0))),
            TestTopologies.location("loc-03", 6.0, 3.0, 2285.3124000000003, new CapacityModel(63, 38.0, 21, 399, 0.86, Duration.ofMillis(260000)))));

    private static EngineConfig config(int receivers, int maxReceivers, int minVantages) {
        return new EngineConfig(new HealthConfig(List.of("vantage-a"), 1, Duration.ofMillis(5000), 64, minVantages, 0.6, 0.5,
                Duration.ofMillis(60000)), new HysteresisConfig(0.5, 0.9, 0.1, Duration.ofMillis(2000), Duration.ofMillis(5000)),
                new FailbackConfig(List.of(0.25, 0.5, 1.0), Duration.ofMillis(5000)),
                new PlannerConfig(receivers, maxReceivers, Duration.ofMillis(212000), Duration.ofMillis(300000)),
                new SafetyConfig(4, 0.25, 1, 3, Duration.ofMillis(360000), Duration.ofMillis(1800000), Duration.ofMillis(16000), false),
                new DnsFallbackConfig(DnsFallbackConfig.Mode.NONE, Duration.ofMillis(120000)),
                new DemandConfig(Duration.ofMillis(120000), 0.1));
    }

    @Test
    void anOperatorEvacuationWithNoReadyRoomAnywherePublishesNothingAndWaitsEvacuated() {
        // It published generation 1 with the rows of generation 0, posted "traffic shifting: 100% stays",
        // and, staying EVACUATING with nothing to wait for, did both again on every tick.
        EngineScenario scenario = new EngineScenario(NO_READY_ROOM, config(1, 1, 1), History.of(
                Tick.after(5000).with(new OperatorCommand.Evacuate("loc-00", null, null, "U-ops")),
                Tick.after(1000), Tick.after(1000), Tick.after(1000)));
        HistoryRunner runner = new HistoryRunner(new DecisionEngine(scenario.config(), scenario.topology()),
                Set.of(Invariant.NO_REPUBLISH_OF_EQUAL_ROWS, Invariant.SHIFTS_MOVE_TRAFFIC));

        List<HistoryRunner.Entry> journal = runner.play(scenario.history());

        assertEquals(List.of(), journal.stream().flatMap(e -> e.actions().stream())
                .filter(a -> a instanceof Action.PublishPlan).toList());
        assertEquals(LocationState.EVACUATED, runner.state().track(0).state());
        List<String> said = journal.stream().flatMap(e -> e.actions().stream())
                .filter(a -> a instanceof Action.Notify n && n.decision().kind() == DecisionKind.SCALE_UPDATE)
                .map(a -> ((Action.Notify) a).decision().summary()).toList();
        // The evacuation placed 1% on loc-03 and kept the rest home as a shortfall; re-planning that shortfall
        // onto loc-03's maximum asks for its pre-scale but moves nobody yet: both are scale updates, told once.
        assertEquals(2, said.size(), said.toString());
        assertTrue(said.get(0).contains("none has ready room yet, so the 1% of its users they are to take stays"),
                said.get(0));
        assertTrue(said.get(1).startsWith("loc-00's capacity shortfall re-planned: 99% of its users"), said.get(1));
    }

    @Test
    void aReceiverReplannedWithNoReadyRoomToMoveIntoIsAScaleUpdateNotAShift() {
        // loc-00 waits on loc-01's zero instances; evacuating loc-01 re-plans loc-00's share onto
        // loc-03, which has no ready room: "loc-00's users moving off loc-01" moved nobody.
        EngineScenario scenario = new EngineScenario(NO_READY_ROOM, config(3, 3, 1), History.of(
                Tick.after(1000).with(new OperatorCommand.Evacuate("loc-00", null, null, "U-ops")),
                Tick.after(1000).with(new OperatorCommand.Evacuate("loc-01", null, null, "U-ops")),
                Tick.after(1000), Tick.after(1000)));

        List<HistoryRunner.Entry> journal = scenario.play(Set.of(Invariant.SHIFTS_MOVE_TRAFFIC,
                Invariant.NO_REPUBLISH_OF_EQUAL_ROWS));

        assertTrue(journal.stream().flatMap(e -> e.actions().stream()).noneMatch(a -> a instanceof Action.Notify n
                && n.decision().kind() == DecisionKind.TRAFFIC_SHIFTING && n.decision().summary().contains("moving off")));
    }
}
