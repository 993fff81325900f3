package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.config.FailbackConfig;
import houston.core.config.HealthConfig;
import houston.core.config.HysteresisConfig;
import houston.core.config.PlannerConfig;
import houston.core.config.SafetyConfig;
import houston.core.health.Outcome;
import houston.core.model.CapacityModel;
import houston.core.model.LocationState;
import houston.core.model.Topology;
import houston.core.props.History;
import houston.core.props.History.Probes;
import houston.core.props.History.ScaleOutcome;
import houston.core.props.History.Silent;
import houston.core.props.History.Tick;
import houston.core.props.HistoryRunner;
import houston.core.props.Invariant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Histories the engine properties shrank to, kept as regression tests: each once broke the
 * {@link Invariant} it checks, and each test names what must hold. Playing a history checks the
 * named invariant after every step and throws the first breach.
 */
class EngineRegressionExamplesTest {

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
        // Shrunk from random topologies: an operator pins loc-08 evacuated, and the step throws
        // "row loc-08 has fraction -1.3877787807814457E-17": the command is lost with the tick.
        Topology topology = Topology.greatCircle(List.of(
                TestTopologies.location("loc-00", 0.0, 0.0, 140.616, new CapacityModel(30, 868.0, 20, 234, 0.54, Duration.ofMillis(55000))),
                TestTopologies.location("loc-01", 1.0, -2.0, 0.0, new CapacityModel(0, 10.0, 0, 1, 1.0, Duration.ofMillis(0))),
                TestTopologies.location("loc-02", -50.0, -56.0, 1013.2850000000001, new CapacityModel(5, 442.0, 0, 93, 0.35, Duration.ofMillis(65000))),
                TestTopologies.location("loc-03", -51.0, -148.0, 2.1700000000000004, new CapacityModel(1, 25.0, 0, 274, 0.31, Duration.ofMillis(20000))),
                TestTopologies.location("loc-04", -51.0, -56.0, 31.049999999999997, new CapacityModel(10, 23.0, 4, 99, 0.75, Duration.ofMillis(0))),
                TestTopologies.location("loc-05", -12.0, -15.0, 6502.145999999999, new CapacityModel(53, 140.0, 45, 102, 0.69, Duration.ofMillis(19000))),
                TestTopologies.location("loc-06", 8.0, 19.0, 117.04950000000001, new CapacityModel(37, 19.0, 12, 306, 0.45, Duration.ofMillis(167000))),
                TestTopologies.location("loc-07", 42.0, 19.0, 71.52, new CapacityModel(8, 15.0, 2, 30, 0.4, Duration.ofMillis(0))),
                TestTopologies.location("loc-08", -25.0, -30.0, 1563.624, new CapacityModel(152, 27.0, 134, 340, 0.3, Duration.ofMillis(8000)))));
        EngineConfig config = new EngineConfig(
                new HealthConfig(List.of("vantage-a"), 1, Duration.ofMillis(5000), 64, 2, 0.6, 0.5, Duration.ofMillis(60000)),
                new HysteresisConfig(0.5, 0.9, 0.1, Duration.ofMillis(2000), Duration.ofMillis(60000)),
                new FailbackConfig(List.of(0.25, 0.5, 1.0), Duration.ofMillis(30000)),
                new PlannerConfig(3, 5, Duration.ofMillis(10000), Duration.ofMillis(900000)),
                new SafetyConfig(4, 0.4, 5, 5, Duration.ofMillis(180000), Duration.ofMillis(2100000), Duration.ofMillis(5000), false));
        HistoryRunner runner = runner(config, topology, Invariant.STEP_NEVER_THROWS);
        History history = History.of(
                Tick.after(1000).with(new OperatorCommand.Pin("loc-08", PinTarget.EVACUATED, null, "U-ops")));

        assertDoesNotThrow(() -> runner.play(history));
        assertEquals(LocationState.EVACUATING, runner.state().track(topology.indexOf("loc-08")).state());
    }

    @Test
    void failStaticIsNotReleasedWhenTheEvidenceAgesOut() {
        // Two locations, three vantages, quorum 3: both dead on every vantage engages fail-static (no
        // location looks fine, so nothing corroborates the observers); then a vantage goes silent, a dead
        // location's score becomes unknown, and "1 bad" must not release fail-static.
        Topology topology = TestTopologies.row(2);
        EngineConfig config = small(1, 0.32).withHealth(HealthConfig.defaults()
                .withVantages(List.of("vantage-a", "vantage-b", "vantage-c"), 3));
        HistoryRunner runner = runner(config, topology, Invariant.FAIL_STATIC_RELEASED_ON_FRESH_EVIDENCE);
        History history = History.of(
                Tick.after(3000).with(new Probes(-1, 0, Outcome.CONNECT_ERROR), new Probes(-1, 1, Outcome.CONNECT_ERROR)),
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
                Tick.after(1000).with(new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false)),
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
                Tick.after(1000).with(new ScaleOutcome(0, ActionOutcome.ScaleStatus.FAILED)),
                Tick.after(1000));

        assertDoesNotThrow(() -> runner.play(history));
    }

    @Test
    void anInterimShiftLeavesHeadroomAtTheReceivers() {
        // An operator evacuates loc-00; its planned receiver loc-01 has no ready headroom, so the
        // interim shift spilled to loc-02: 800 rps, below 90% of its 10 ready instances but past its
        // maximum (12 instances at target 0.5: 600 rps). The maximum is the planner's ceiling, not the
        // ready instances' interim one: running ready instances above target is tolerable only
        // because the scale-up brings the receiver back to target, and past its maximum none can.
        Topology topology = Topology.greatCircle(List.of(
                TestTopologies.location("loc-00", 0, 400, TEN_OF_HUNDRED),
                TestTopologies.location("loc-01", 1, 100, new CapacityModel(1, 100, 1, 40, 0.5, Duration.ofSeconds(60))),
                TestTopologies.location("loc-02", 2, 400, new CapacityModel(10, 100, 1, 12, 0.5, Duration.ofSeconds(60)))));
        HistoryRunner runner = runner(small(1, 0.8), topology, Invariant.RECEIVERS_WITHIN_MAXIMUM);
        History history = History.of(
                Tick.after(1000).with(new OperatorCommand.Evacuate("loc-00", null, "drill", "U-ops")));

        assertDoesNotThrow(() -> runner.play(history));
        assertEquals(600.0, runner.state().plan().loads(runner.state().demand())[topology.indexOf("loc-02")], 1e-6);
    }

    @Test
    void sharesMovedOffANewEvacueeLandOnlyOnReadyCapacity() {
        // loc-00 is evacuated to loc-01 and loc-02; then loc-01 is evacuated, and loc-00's share on it
        // was re-placed live on loc-02 by its maximum, before any pre-scale: 1,100 rps on 10 instances
        // that serve 1,000. It must move only onto ready room; the rest waits for the pre-scale.
        Topology topology = TestTopologies.row(3);
        HistoryRunner runner = runner(small(2, 0.8), topology, Invariant.RECEIVERS_WITHIN_READY_CAPACITY);
        History history = History.of(
                Tick.after(1000).with(new OperatorCommand.Evacuate("loc-00", null, "drill", "U-ops")),
                Tick.after(1000).with(new OperatorCommand.Evacuate("loc-01", null, "drill", "U-ops")));

        assertDoesNotThrow(() -> runner.play(history));
        assertTrue(runner.state().requested()[topology.indexOf("loc-02")] > 10);
    }
}
