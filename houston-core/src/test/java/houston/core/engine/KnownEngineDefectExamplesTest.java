package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.config.HealthConfig;
import houston.core.config.SafetyConfig;
import houston.core.model.CapacityModel;
import houston.core.model.Topology;
import houston.core.props.History;
import houston.core.props.History.Probes;
import houston.core.props.History.ScaleOutcome;
import houston.core.props.History.Silent;
import houston.core.props.History.Tick;
import houston.core.props.HistoryRunner;
import houston.core.props.Invariant;
import houston.core.health.Outcome;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Histories the engine properties shrank to, for defects of the engine known and being fixed
 * elsewhere: each test names what must hold, and fails until its fix is in. Playing a history
 * checks the named {@link Invariant} after every step and throws the first breach.
 */
class KnownEngineDefectExamplesTest {

    private static final CapacityModel TEN_OF_HUNDRED = new CapacityModel(10, 100, 1, 40, 0.5, Duration.ofSeconds(60));

    /** Defaults, with the safety limits a small topology can meet. */
    private static EngineConfig small(int maxEvacuated, double failStaticFraction) {
        EngineConfig d = EngineConfig.defaults();
        return d.withSafety(new SafetyConfig(maxEvacuated, failStaticFraction, 1, 2, Duration.ofMinutes(10),
                Duration.ofHours(1), Duration.ofSeconds(30), false));
    }

    private static HistoryRunner runner(EngineConfig config, Topology topology, Invariant invariant) {
        return new HistoryRunner(new DecisionEngine(config, topology), Set.of(invariant));
    }

    @Test
    void aRoundingRemainderInAnEvacuationDoesNotDropTheTick() {
        // Shrunk from random topologies: one dead location, and the interim shift's row came out at -6.9e-18.
        Topology topology = Topology.greatCircle(List.of(
                TestTopologies.location("loc-00", 17.0, 19.0, 16.32, new CapacityModel(4, 17.0, 1, 360, 0.32, Duration.ofSeconds(15))),
                TestTopologies.location("loc-01", -55.0, 35.0, 701.3951999999999, new CapacityModel(132, 82.0, 56, 181, 0.54, Duration.ofSeconds(17))),
                TestTopologies.location("loc-02", 10.0, 17.0, 1398.7967999999998, new CapacityModel(4, 998.0, 0, 332, 0.73, Duration.ZERO)),
                TestTopologies.location("loc-03", 19.0, -21.0, 1061.3999999999999, new CapacityModel(61, 200.0, 49, 318, 0.3, Duration.ofSeconds(162))),
                TestTopologies.location("loc-04", -2.0, -2.0, 0.0, new CapacityModel(0, 10.0, 0, 1, 1.0, Duration.ZERO)),
                TestTopologies.location("loc-05", -16.0, 20.0, 354.19649999999996, new CapacityModel(79, 61.0, 2, 351, 0.35, Duration.ofSeconds(6))),
                TestTopologies.location("loc-06", 55.0, -2.0, 6021.400000000001, new CapacityModel(115, 68.0, 9, 152, 1.0, Duration.ofSeconds(255))),
                TestTopologies.location("loc-07", -18.0, -35.0, 21.2058, new CapacityModel(11, 27.0, 4, 400, 0.42, Duration.ofSeconds(7))),
                TestTopologies.location("loc-08", 19.0, -43.0, 765.1071999999999, new CapacityModel(64, 19.0, 21, 288, 0.44, Duration.ofSeconds(65))),
                TestTopologies.location("loc-09", -46.0, 35.0, 10775.688, new CapacityModel(33, 595.0, 4, 78, 0.49, Duration.ofSeconds(8))),
                TestTopologies.location("loc-10", 17.0, -8.0, 196.99199999999996, new CapacityModel(30, 38.0, 10, 220, 0.48, Duration.ofSeconds(14))),
                TestTopologies.location("loc-11", -7.0, -42.0, 771.8004, new CapacityModel(83, 164.0, 10, 172, 0.63, Duration.ofSeconds(33)))));
        EngineConfig d = EngineConfig.defaults();
        EngineConfig config = new EngineConfig(
                d.health().withVantages(List.of("vantage-a", "vantage-b", "vantage-c", "vantage-d"), 2),
                d.hysteresis(), d.failback(),
                new houston.core.config.PlannerConfig(2, 5, Duration.ofSeconds(10), Duration.ofMinutes(9)),
                new SafetyConfig(10, 0.48, 9, 7, Duration.ofMinutes(8), Duration.ofMinutes(29), Duration.ofSeconds(22), false));
        HistoryRunner runner = runner(config, topology, Invariant.STEP_NEVER_THROWS);
        History history = History.of(
                Tick.after(1000).with(new Probes(-1, 11, Outcome.CONNECT_ERROR)),
                Tick.after(1000),
                Tick.after(1000),
                Tick.after(1000));

        assertDoesNotThrow(() -> runner.play(history));
        assertTrue(runner.state().track(11).state().isEvacuation(), "loc-11 is " + runner.state().track(11).state());
    }

    @Test
    void failStaticIsNotReleasedWhenTheEvidenceAgesOut() {
        // Two locations, three vantages, quorum 3: one location dead engages fail-static; then a vantage
        // goes silent, the dead location's score becomes unknown, and "0 bad" released fail-static.
        Topology topology = TestTopologies.row(2);
        EngineConfig config = small(1, 0.32).withHealth(HealthConfig.defaults()
                .withVantages(List.of("vantage-a", "vantage-b", "vantage-c"), 3));
        HistoryRunner runner = runner(config, topology, Invariant.FAIL_STATIC_RELEASED_ON_FRESH_EVIDENCE);
        History history = History.of(
                Tick.after(3000).with(new Probes(-1, 0, Outcome.CONNECT_ERROR)),
                Tick.after(1000),
                Tick.after(1000).with(new Silent(0, true)),
                Tick.after(6000),
                Tick.after(1000));

        assertDoesNotThrow(() -> runner.play(history));
        assertTrue(runner.state().failStatic());
    }

    @Test
    void catchmentsLeaveAReceiverThatDiesWhileItsOwnEvacuationIsHeld() {
        // loc-00 dies and is evacuated to its three neighbours; then receiver loc-01 dies too, and its
        // own evacuation is held (max-evacuated 1): loc-00's users must not stay on it.
        Topology topology = TestTopologies.row(4);
        HistoryRunner runner = runner(small(1, 0.8), topology, Invariant.NO_CATCHMENT_ON_BAD_RECEIVER);
        History history = History.of(
                Tick.after(3000).with(new Probes(-1, 0, Outcome.CONNECT_ERROR)),
                Tick.after(1000), Tick.after(1000), Tick.after(1000),
                Tick.after(1000).with(new History.PublishOutcome(houston.core.engine.ActionOutcome.PublishStatus.INSYNC, false)),
                Tick.after(3000).with(new Probes(-1, 1, Outcome.CONNECT_ERROR)),
                Tick.after(1000), Tick.after(1000), Tick.after(1000), Tick.after(5000), Tick.after(5000));

        assertDoesNotThrow(() -> runner.play(history));
        assertEquals(0.0, runner.state().plan().fraction("loc-00", "loc-01"));
    }

    @Test
    void aFailedPreScaleDoesNotCountAsReady() {
        // loc-00 degrades (slow, not dead) and waits for loc-01 to grow from 5 to 12 instances; the
        // scale-up fails. Moving loc-00's users anyway puts 600 rps on 5 instances that serve 500.
        Topology topology = Topology.greatCircle(List.of(
                TestTopologies.location("loc-00", 0, 400, TEN_OF_HUNDRED),
                TestTopologies.location("loc-01", 1, 200, new CapacityModel(5, 100, 1, 40, 0.5, Duration.ofSeconds(60)))));
        HistoryRunner runner = runner(small(1, 0.8), topology, Invariant.RECEIVERS_WITHIN_READY_CAPACITY);
        History history = History.of(
                Tick.after(3000).with(new Probes(-1, 0, Outcome.SLOW)),
                Tick.after(1000), Tick.after(1000), Tick.after(1000),
                Tick.after(1000).with(new ScaleOutcome(0, houston.core.engine.ActionOutcome.ScaleStatus.FAILED)),
                Tick.after(1000));

        assertDoesNotThrow(() -> runner.play(history));
    }

    @Test
    void anInterimShiftLeavesHeadroomAtTheReceivers() {
        // An operator evacuates loc-00; its planned receiver loc-01 has no ready headroom, so the
        // interim shift spills to loc-02 at 100% of its ready instances: 800 rps where its maximum
        // at target utilisation is 600.
        Topology topology = Topology.greatCircle(List.of(
                TestTopologies.location("loc-00", 0, 400, TEN_OF_HUNDRED),
                TestTopologies.location("loc-01", 1, 100, new CapacityModel(1, 100, 1, 40, 0.5, Duration.ofSeconds(60))),
                TestTopologies.location("loc-02", 2, 400, new CapacityModel(10, 100, 1, 12, 0.5, Duration.ofSeconds(60)))));
        HistoryRunner runner = runner(small(1, 0.8), topology, Invariant.RECEIVERS_WITHIN_MAXIMUM);
        History history = History.of(
                Tick.after(1000).with(new OperatorCommand.Evacuate("loc-00", null, "drill", "U-ops")));

        assertDoesNotThrow(() -> runner.play(history));
    }

    @Test
    void sharesMovedOffANewEvacueeLandOnlyOnReadyCapacity() {
        // Not one of the listed defects, but in the same moves: loc-00 is evacuated to loc-01 and
        // loc-02; then loc-01 is evacuated, and loc-00's share on it is re-placed on loc-02 by its
        // maximum, with no pre-scale asked: 1,200 rps on 10 instances that serve 1,000.
        Topology topology = TestTopologies.row(3);
        HistoryRunner runner = runner(small(2, 0.8), topology, Invariant.RECEIVERS_WITHIN_READY_CAPACITY);
        History history = History.of(
                Tick.after(1000).with(new OperatorCommand.Evacuate("loc-00", null, "drill", "U-ops")),
                Tick.after(1000).with(new OperatorCommand.Evacuate("loc-01", null, "drill", "U-ops")));

        assertDoesNotThrow(() -> runner.play(history));
    }
}
