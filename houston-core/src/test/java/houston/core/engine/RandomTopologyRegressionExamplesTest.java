package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.config.FailbackConfig;
import houston.core.config.HealthConfig;
import houston.core.config.HysteresisConfig;
import houston.core.config.PlannerConfig;
import houston.core.config.SafetyConfig;
import houston.core.health.Outcome;
import houston.core.health.SignalStatus;
import houston.core.model.CapacityModel;
import houston.core.model.Topology;
import houston.core.props.EngineScenario;
import houston.core.props.History;
import houston.core.props.History.Probes;
import houston.core.props.History.ScaleOutcome;
import houston.core.props.History.Silent;
import houston.core.props.History.Tick;
import houston.core.props.Invariant;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * Histories the engine properties shrank to on random topologies, kept whole as regression tests
 * (each printed by the failing property as the Java that rebuilds it): each once broke the
 * {@link Invariant} it checks.
 */
class RandomTopologyRegressionExamplesTest {

    @Test
    void aCatchmentWithNoDemandIsNotSentToAReceiverWithNoReadyRoom() {
        // Shrunk from random topologies: loc-02 reads 0 instances while serving its own 1,795.5 rps;
        // an operator evacuates loc-00, whose catchment has no demand now, and its row was sent to
        // loc-02 anyway: any user who came would land on a receiver with nothing ready.
        EngineScenario scenario = new EngineScenario(Topology.greatCircle(List.of(
                TestTopologies.location("loc-00", -60.0, -179.0, 0.0, new CapacityModel(2, 11.0, 2, 2, 1.0, Duration.ofMillis(0))),
                TestTopologies.location("loc-01", 47.0, 34.0, 1837.2240000000002, new CapacityModel(79, 855.0, 29, 350, 0.34, Duration.ofMillis(1000))),
                TestTopologies.location("loc-02", 9.0, -126.0, 1795.5, new CapacityModel(315, 30.0, 246, 398, 0.95, Duration.ofMillis(410000))),
                TestTopologies.location("loc-03", -18.0, -46.0, 87.1624, new CapacityModel(4, 377.0, 2, 37, 0.34, Duration.ofMillis(26000))),
                TestTopologies.location("loc-04", 5.0, 46.0, 46907.0784, new CapacityModel(157, 756.0, 83, 245, 0.38, Duration.ofMillis(37000))),
                TestTopologies.location("loc-05", 1.0, 0.0, 0.0, new CapacityModel(399, 10.0, 399, 399, 1.0, Duration.ofMillis(0))),
                TestTopologies.location("loc-06", 0.0, 10.0, 0.0, new CapacityModel(41, 29.0, 6, 43, 0.5, Duration.ofMillis(20000))),
                TestTopologies.location("loc-07", -51.0, 32.0, 50.517599999999995, new CapacityModel(6, 28.0, 4, 314, 0.31, Duration.ofMillis(19000))))),
                new EngineConfig(new HealthConfig(List.of("vantage-a", "vantage-b", "vantage-c", "vantage-d"), 3, Duration.ofMillis(5000), 64, 1, 0.6, 0.5, Duration.ofMillis(60000)), new HysteresisConfig(0.5, 0.9, 0.1, Duration.ofMillis(2000), Duration.ofMillis(60000)), new FailbackConfig(List.of(0.25, 0.5, 1.0), Duration.ofMillis(7000)), new PlannerConfig(3, 4, Duration.ofMillis(300000), Duration.ofMillis(60000)), new SafetyConfig(4, 0.29, 2, 8, Duration.ofMillis(180000), Duration.ofMillis(480000), Duration.ofMillis(21000), false)),
                History.of(
                        Tick.after(1000).with(new Inputs.CapacityReading("loc-02", 0)),
                        Tick.after(1000),
                        Tick.after(1000).with(new OperatorCommand.Restore("loc-06", "U-oncall"), new OperatorCommand.Pin("loc-07", PinTarget.HEALTHY, null, "U-oncall"), new OperatorCommand.Pin("loc-02", PinTarget.HEALTHY, Duration.ofMillis(111000), "U-ops")).with(new ScaleOutcome(1, ActionOutcome.ScaleStatus.TIMED_OUT), new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false), new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false)),
                        Tick.after(1000),
                        Tick.after(292710).with(new History.SignalChoice(0, "queue", SignalStatus.DEGRADED, 28), new History.SignalChoice(4, "queue", SignalStatus.DEGRADED, 22464)),
                        Tick.after(1000).with(new ScaleOutcome(0, ActionOutcome.ScaleStatus.TIMED_OUT)),
                        Tick.after(5001).with(new Probes(-1, 6, Outcome.OK)).with(new OperatorCommand.Evacuate("loc-00", null, null, "U-ops"))));

        assertDoesNotThrow(() -> scenario.play(EnumSet.of(Invariant.RECEIVERS_WITHIN_READY_CAPACITY)));
    }

    @Test
    void aShiftWithNothingToWaitForStillKeepsReceiversWithinTheirMaximum() {
        // Shrunk from random topologies: after operators evacuated and pinned several locations, a
        // shift whose receivers needed no pre-scale went live as planned, though loc-05 already
        // carried more than was planned for it: 4,798.5 rps where its maximum is 4,400.
        EngineScenario scenario = new EngineScenario(Topology.greatCircle(List.of(
        TestTopologies.location("loc-00", 52.0, 10.0, 1593.864, new CapacityModel(94, 157.0, 86, 110, 0.9, Duration.ofMillis(12000))),
        TestTopologies.location("loc-01", -41.0, 156.0, 326.8188, new CapacityModel(21, 27.0, 10, 347, 0.44, Duration.ofMillis(510000))),
        TestTopologies.location("loc-02", 37.0, 126.0, 7134.2098000000005, new CapacityModel(113, 599.0, 20, 285, 0.34, Duration.ofMillis(3000))),
        TestTopologies.location("loc-03", 60.0, 180.0, 0.0, new CapacityModel(399, 11.0, 399, 399, 1.0, Duration.ofMillis(0))),
        TestTopologies.location("loc-04", 1.0, 180.0, 0.0, new CapacityModel(2, 10.0, 2, 2, 1.0, Duration.ofMillis(0))),
        TestTopologies.location("loc-05", 1.0, 1.0, 0.0, new CapacityModel(400, 11.0, 400, 400, 1.0, Duration.ofMillis(0))),
        TestTopologies.location("loc-06", 35.0, -21.0, 3405.45, new CapacityModel(60, 311.0, 1, 87, 0.73, Duration.ofMillis(461000))),
        TestTopologies.location("loc-07", 0.0, -2.0, 0.0, new CapacityModel(2, 11.0, 2, 2, 1.0, Duration.ofMillis(0))),
        TestTopologies.location("loc-08", -60.0, -1.0, 0.0, new CapacityModel(1, 10.0, 1, 1, 1.0, Duration.ofMillis(0))),
        TestTopologies.location("loc-09", -45.0, -115.0, 491.21279999999996, new CapacityModel(96, 39.0, 78, 109, 0.32, Duration.ofMillis(56000))),
        TestTopologies.location("loc-10", -21.0, 15.0, 695.5649999999999, new CapacityModel(50, 13.0, 11, 104, 0.87, Duration.ofMillis(14000))),
        TestTopologies.location("loc-11", -60.0, -180.0, 22.0, new CapacityModel(2, 11.0, 2, 2, 1.0, Duration.ofMillis(0))),
        TestTopologies.location("loc-12", 14.0, 0.0, 157.08000000000004, new CapacityModel(110, 42.0, 3, 303, 0.34, Duration.ofMillis(0))))),
        new EngineConfig(new HealthConfig(List.of("vantage-a", "vantage-b", "vantage-c"), 3, Duration.ofMillis(5000), 64, 1, 0.6, 0.5, Duration.ofMillis(60000)), new HysteresisConfig(0.5, 0.9, 0.1, Duration.ofMillis(2000), Duration.ofMillis(20000)), new FailbackConfig(List.of(0.25, 0.5, 1.0), Duration.ofMillis(27000)), new PlannerConfig(1, 3, Duration.ofMillis(35000), Duration.ofMillis(240000)), new SafetyConfig(13, 0.44, 1, 10, Duration.ofMillis(180000), Duration.ofMillis(420000), Duration.ofMillis(10000), false)),
        History.of(
        Tick.after(1000).with(new OperatorCommand.Evacuate("loc-00", null, null, "U-ops")),
        Tick.after(1000),
        Tick.after(1000),
        Tick.after(1000),
        Tick.after(120000).with(new Probes(-1, 2, Outcome.OK)).with(new ScaleOutcome(4, ActionOutcome.ScaleStatus.READY)),
        Tick.after(75099).with(new ScaleOutcome(0, ActionOutcome.ScaleStatus.READY), new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, true)).with(new History.SignalChoice(12, "queue", SignalStatus.DEGRADED, 202), new History.SignalChoice(10, "queue", SignalStatus.HEALTHY, 11060)),
        Tick.after(129823).with(new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false), new History.PublishOutcome(ActionOutcome.PublishStatus.LOST_OWNERSHIP, false), new ScaleOutcome(4, ActionOutcome.ScaleStatus.READY)),
        Tick.after(224).with(new OperatorCommand.Pin("loc-08", PinTarget.EVACUATED, Duration.ofMillis(624000), "U-ops"), new OperatorCommand.Pin("loc-06", PinTarget.EVACUATED, null, "U-oncall")).with(new History.SignalChoice(2, "db", SignalStatus.FAILING, 26619)),
        Tick.after(1000).with(new Probes(-1, 9, Outcome.OK)),
        Tick.after(120000).with(new Probes(2, 12, Outcome.CONNECT_ERROR)).with(new OperatorCommand.Evacuate("loc-12", null, null, "U-ops")),
        Tick.after(1000),
        Tick.after(388).with(new Probes(-1, 0, Outcome.OK), new Probes(1, 11, Outcome.OK)).with(new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false)).with(new Inputs.DemandReading("loc-12", -1.0)),
        Tick.after(118).with(new Probes(2, 2, Outcome.OK)).with(new Inputs.CapacityReading("loc-08", 1)),
        Tick.after(5000).with(new Probes(-1, 2, Outcome.CONNECT_ERROR)).with(new OperatorCommand.Evacuate("loc-00", null, null, "U-ops"))));

        assertDoesNotThrow(() -> scenario.play(EnumSet.of(Invariant.RECEIVERS_WITHIN_MAXIMUM)));
    }

    @Test
    void aShareWaitsOnADeadReceiverOnlyWhileNoGoodOneHasReadyRoom() {
        // Shrunk from random topologies: loc-02 is evacuated onto loc-00, which then dies. loc-02's
        // users on it are placed again, but no good location has ready room for them: loc-06 could
        // take them at its maximum, after a pre-scale. They wait on loc-00 for that pre-scale, as
        // the no-bad-receiver invariant now says (room is ready room): sending them to instances
        // that are not there would overload loc-06.
        EngineScenario scenario = new EngineScenario(Topology.greatCircle(List.of(
                TestTopologies.location("loc-00", 59.0, 75.0, 3529.68, new CapacityModel(77, 191.0, 40, 79, 0.5, Duration.ofMillis(148000))),
                TestTopologies.location("loc-01", 2.0, 2.0, 6583.5, new CapacityModel(399, 11.0, 399, 399, 1.0, Duration.ofMillis(0))),
                TestTopologies.location("loc-02", 12.0, -18.0, 5786.64, new CapacityModel(32, 705.0, 19, 43, 0.95, Duration.ofMillis(6000))),
                TestTopologies.location("loc-03", -59.0, 1.0, 22.0, new CapacityModel(2, 11.0, 2, 2, 1.0, Duration.ofMillis(0))),
                TestTopologies.location("loc-04", 1.0, -179.0, 10.0, new CapacityModel(1, 10.0, 1, 1, 1.0, Duration.ofMillis(0))),
                TestTopologies.location("loc-05", 21.0, -18.0, 33.264, new CapacityModel(8, 21.0, 2, 146, 0.9, Duration.ofMillis(32000))),
                TestTopologies.location("loc-06", 41.0, 19.0, 7853.9825, new CapacityModel(65, 115.0, 8, 399, 0.79, Duration.ofMillis(4000))),
                TestTopologies.location("loc-07", 40.0, -140.0, 168.084, new CapacityModel(138, 29.0, 69, 181, 0.3, Duration.ofMillis(399000))),
                TestTopologies.location("loc-08", -60.0, 179.0, 0.0, new CapacityModel(0, 11.0, 0, 1, 1.0, Duration.ofMillis(0))))),
                new EngineConfig(new HealthConfig(List.of("vantage-a", "vantage-b", "vantage-c"), 1, Duration.ofMillis(5000), 64, 1, 0.6, 0.5, Duration.ofMillis(60000)), new HysteresisConfig(0.5, 0.9, 0.1, Duration.ofMillis(2000), Duration.ofMillis(5000)), new FailbackConfig(List.of(0.25, 0.5, 1.0), Duration.ofMillis(5000)), new PlannerConfig(2, 5, Duration.ofMillis(83000), Duration.ofMillis(240000)), new SafetyConfig(5, 0.3, 1, 2, Duration.ofMillis(600000), Duration.ofMillis(720000), Duration.ofMillis(42000), false)),
                History.of(
                Tick.after(1000).with(new OperatorCommand.Evacuate("loc-02", null, "db failover", "U-oncall")),
                Tick.after(1000).with(new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false)),
                Tick.after(245),
                Tick.after(1000).with(new History.PublishOutcome(ActionOutcome.PublishStatus.FAILED, false), new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false), new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, true)),
                Tick.after(316),
                Tick.after(1000),
                Tick.after(2349),
                Tick.after(1000),
                Tick.after(1383).with(new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, true)),
                Tick.after(1000).with(new Probes(-1, 0, Outcome.CONNECT_ERROR), new Probes(2, 0, Outcome.CONNECT_ERROR)),
                Tick.after(5001).with(new Silent(0, false)).with(new OperatorCommand.Evacuate("loc-00", Duration.ofMillis(0), null, "U-ops")),
                Tick.after(1000).with(new Probes(-1, 1, Outcome.CONTENT_MISMATCH)).with(new OperatorCommand.Evacuate("loc-08", null, null, "U-ops")),
                Tick.after(6).with(new Inputs.CapacityReading("loc-07", 0)),
                Tick.after(4999).with(new Probes(2, 1, Outcome.CONTENT_MISMATCH)),
                Tick.after(222),
                Tick.after(120000).with(new History.Stale(1, false)).with(new OperatorCommand.Evacuate("loc-00", null, null, "U-ops")),
                Tick.after(1000),
                Tick.after(0).with(new OperatorCommand.Unfreeze("U-oncall")).with(new History.SignalChoice(3, "queue", SignalStatus.FAILING, 1249)),
                Tick.after(1000).with(new OperatorCommand.Freeze(Duration.ofMillis(7000), "", "U-ops"), new OperatorCommand.Freeze(Duration.ofMillis(2377000), "drill", "U-ops")),
                Tick.after(1309069).with(new ScaleOutcome(4, ActionOutcome.ScaleStatus.REQUESTED)),
                Tick.after(2).with(new Probes(0, 8, Outcome.CONTENT_MISMATCH))));

        assertDoesNotThrow(() -> scenario.play(EnumSet.of(Invariant.NO_CATCHMENT_ON_BAD_RECEIVER,
                Invariant.RECEIVERS_WITHIN_READY_CAPACITY)));
    }

    @Test
    void usersOnADeadReceiverSpillToEveryLocationWithReadyRoom() {
        // Shrunk from random topologies: loc-00, failing back, still sends a fifth of its users to
        // loc-13, which dies. Its new receivers are full until they scale, and the spill stopped at
        // max-receivers (loc-02, loc-03, loc-14, all full) while loc-07 had ready room for all of
        // them: users left on a dead receiver fail, so they spill as far as ready room goes.
        EngineScenario scenario = new EngineScenario(Topology.greatCircle(List.of(
                TestTopologies.location("loc-00", 2.0, -17.0, 17502.4512, new CapacityModel(174, 248.0, 105, 312, 0.39, Duration.ofMillis(363000))),
                TestTopologies.location("loc-01", 12.0, -10.0, 5.2, new CapacityModel(5, 26.0, 3, 144, 0.5, Duration.ofMillis(211000))),
                TestTopologies.location("loc-02", -32.0, 1.0, 34.8348, new CapacityModel(13, 87.0, 8, 36, 0.44, Duration.ofMillis(458000))),
                TestTopologies.location("loc-03", -2.0, 2.0, 0.0, new CapacityModel(400, 10.0, 400, 400, 1.0, Duration.ofMillis(0))),
                TestTopologies.location("loc-04", -33.0, -27.0, 614.215, new CapacityModel(35, 218.0, 7, 400, 0.35, Duration.ofMillis(3000))),
                TestTopologies.location("loc-05", -53.0, 157.0, 11.84, new CapacityModel(74, 16.0, 17, 86, 1.0, Duration.ofMillis(192000))),
                TestTopologies.location("loc-06", -2.0, 37.0, 3829.2688000000003, new CapacityModel(248, 269.0, 6, 252, 0.82, Duration.ofMillis(10000))),
                TestTopologies.location("loc-07", 14.0, -160.0, 731.6064, new CapacityModel(114, 191.0, 59, 242, 0.42, Duration.ofMillis(20000))),
                TestTopologies.location("loc-08", 54.0, -57.0, 19468.1856, new CapacityModel(381, 998.0, 20, 397, 0.32, Duration.ofMillis(3000))),
                TestTopologies.location("loc-09", -5.0, -101.0, 1583.625, new CapacityModel(25, 103.0, 16, 30, 0.41, Duration.ofMillis(6000))),
                TestTopologies.location("loc-10", 1.0, -179.0, 0.0, new CapacityModel(0, 11.0, 0, 1, 1.0, Duration.ofMillis(0))),
                TestTopologies.location("loc-11", -60.0, 1.0, 32.345600000000005, new CapacityModel(14, 38.0, 11, 240, 0.32, Duration.ofMillis(218000))),
                TestTopologies.location("loc-12", 45.0, -164.0, 459.459, new CapacityModel(221, 21.0, 0, 374, 0.33, Duration.ofMillis(5000))),
                TestTopologies.location("loc-13", 5.0, -22.0, 3310.0811999999996, new CapacityModel(114, 849.0, 1, 274, 0.57, Duration.ofMillis(210000))),
                TestTopologies.location("loc-14", -3.0, -51.0, 142.956, new CapacityModel(22, 38.0, 5, 82, 0.95, Duration.ofMillis(12000))),
                TestTopologies.location("loc-15", -52.0, 28.0, 794.376, new CapacityModel(8, 255.0, 6, 88, 0.33, Duration.ofMillis(389000))),
                TestTopologies.location("loc-16", -39.0, 30.0, 261.3024, new CapacityModel(32, 211.0, 3, 52, 0.43, Duration.ofMillis(79000))),
                TestTopologies.location("loc-17", 52.0, 57.0, 171.63520000000003, new CapacityModel(53, 16.0, 42, 348, 0.46, Duration.ofMillis(57000))),
                TestTopologies.location("loc-18", -58.0, -18.0, 8964.27, new CapacityModel(51, 525.0, 9, 389, 0.36, Duration.ofMillis(54000))))),
                new EngineConfig(new HealthConfig(List.of("vantage-a"), 1, Duration.ofMillis(5000), 64, 3, 0.6, 0.5, Duration.ofMillis(60000)), new HysteresisConfig(0.5, 0.9, 0.1, Duration.ofMillis(2000), Duration.ofMillis(20000)), new FailbackConfig(List.of(0.25, 0.5, 1.0), Duration.ofMillis(11000)), new PlannerConfig(2, 3, Duration.ofMillis(43000), Duration.ofMillis(540000)), new SafetyConfig(4, 0.36, 3, 17, Duration.ofMillis(60000), Duration.ofMillis(240000), Duration.ofMillis(6000), false)),
                History.of(
                Tick.after(1000).with(new Inputs.DemandReading("loc-18", 1344.6405)),
                Tick.after(1000),
                Tick.after(1000),
                Tick.after(1000),
                Tick.after(0).with(new Inputs.DemandReading("loc-08", 2336.182272), new Inputs.DemandReading("loc-11", 4.528384000000001)),
                Tick.after(5152).with(new OperatorCommand.Unpin("loc-04", "U-ops"), new OperatorCommand.Freeze(null, null, "U-ops"), new OperatorCommand.Freeze(null, "", "U-oncall")).with(new History.PublishOutcome(ActionOutcome.PublishStatus.LOST_OWNERSHIP, false), new ScaleOutcome(4, ActionOutcome.ScaleStatus.FAILED)),
                Tick.after(1000),
                Tick.after(14).with(new History.SignalChoice(14, "queue", SignalStatus.FAILING, 455), new History.SignalChoice(15, "queue", SignalStatus.FAILING, 310)),
                Tick.after(1000).with(new History.SignalChoice(0, "db", SignalStatus.DEGRADED, 35776)),
                Tick.after(1000).with(new History.PublishOutcome(ActionOutcome.PublishStatus.FAILED, false), new ScaleOutcome(0, ActionOutcome.ScaleStatus.READY), new ScaleOutcome(0, ActionOutcome.ScaleStatus.READY)),
                Tick.after(381),
                Tick.after(1868),
                Tick.after(2).with(new Probes(0, 1, Outcome.CONTENT_MISMATCH)),
                Tick.after(1000),
                Tick.after(1000).with(new OperatorCommand.Unpin("loc-13", "U-ops"), new OperatorCommand.Pin("loc-00", PinTarget.EVACUATED, Duration.ofMillis(2000), "U-oncall"), new OperatorCommand.Freeze(null, null, "U-ops")),
                Tick.after(5975).with(new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, true), new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false), new ScaleOutcome(2, ActionOutcome.ScaleStatus.REQUESTED)),
                Tick.after(2).with(new Probes(-1, 18, Outcome.OK)).with(new OperatorCommand.Evacuate("loc-18", null, null, "U-ops")),
                Tick.after(47),
                Tick.after(1000).with(new Inputs.DemandReading("loc-10", 0.0)),
                Tick.after(1800000).with(new Probes(-1, 18, Outcome.OK)).with(new OperatorCommand.Evacuate("loc-18", Duration.ofMillis(0), null, "U-ops")),
                Tick.after(16),
                Tick.after(16),
                Tick.after(1000),
                Tick.after(1000).with(new Probes(0, 1, Outcome.CONTENT_MISMATCH)),
                Tick.after(97).with(new OperatorCommand.Restore("loc-09", "U-oncall"), new OperatorCommand.Restore("loc-14", "U-oncall"), new OperatorCommand.Restore("loc-00", "U-ops")).with(new Inputs.DemandReading("loc-03", 0.0), new Inputs.DemandReading("loc-18", 1703.2113000000002)),
                Tick.after(21293).with(new OperatorCommand.Restore("loc-06", "U-oncall"), new OperatorCommand.Pin("loc-01", PinTarget.EVACUATED, null, "U-oncall")).with(new History.SignalChoice(6, "queue", SignalStatus.HEALTHY, 152)),
                Tick.after(1000).with(new OperatorCommand.Evacuate("loc-06", Duration.ofMillis(1065000), "", "U-oncall")),
                Tick.after(5001).with(new Probes(0, 17, Outcome.CONNECT_ERROR)),
                Tick.after(14492),
                Tick.after(1000).with(new Probes(0, 5, Outcome.OK), new Probes(0, 13, Outcome.CONNECT_ERROR)).with(new History.SignalChoice(15, "db", SignalStatus.DEGRADED, 12428)),
                Tick.after(16).with(new Probes(0, 17, Outcome.CONTENT_MISMATCH)),
                Tick.after(384362),
                Tick.after(12106).with(new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false), new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false), new ScaleOutcome(2, ActionOutcome.ScaleStatus.READY))));

        assertDoesNotThrow(() -> scenario.play(EnumSet.of(Invariant.NO_CATCHMENT_ON_BAD_RECEIVER,
                Invariant.RECEIVERS_WITHIN_READY_CAPACITY)));
    }

    @Test
    @Disabled("open: the planner gives loc-00's own waiting users the capacity its users on the dead loc-01 need")
    void usersOnADeadReceiverComeBeforeUsersWaitingAtAHealthyHome() {
        // Shrunk from random topologies, not fixed yet: an operator evacuates loc-00 (healthy, 36,156
        // rps) onto loc-01 and loc-03, whose maxima its own plan fills; loc-01 dies. 1.7 percent of
        // loc-00's users stay on the dead loc-01 (no receiver has room at its maximum in the plan)
        // while loc-03 has ready room now, and loc-00's users waiting at their healthy home could
        // give it up.
        EngineScenario scenario = new EngineScenario(Topology.greatCircle(List.of(
                TestTopologies.location("loc-00", 9.0, -14.0, 36156.12, new CapacityModel(245, 330.0, 124, 399, 0.43, Duration.ofMillis(14000))),
                TestTopologies.location("loc-01", 27.0, -42.0, 132.4032, new CapacityModel(2, 431.0, 1, 317, 0.32, Duration.ofMillis(148000))),
                TestTopologies.location("loc-02", -1.0, 64.0, 714.096, new CapacityModel(290, 16.0, 0, 356, 0.81, Duration.ofMillis(5000))),
                TestTopologies.location("loc-03", 27.0, -49.0, 1723.3440000000003, new CapacityModel(223, 42.0, 43, 388, 0.46, Duration.ofMillis(33000))),
                TestTopologies.location("loc-04", -59.0, -34.0, 243.18359999999998, new CapacityModel(12, 89.0, 1, 141, 0.99, Duration.ofMillis(442000))))),
                new EngineConfig(new HealthConfig(List.of("vantage-a", "vantage-b", "vantage-c", "vantage-d"), 3, Duration.ofMillis(5000), 64, 2, 0.6, 0.5, Duration.ofMillis(60000)), new HysteresisConfig(0.5, 0.9, 0.1, Duration.ofMillis(2000), Duration.ofMillis(5000)), new FailbackConfig(List.of(0.25, 0.5, 1.0), Duration.ofMillis(20000)), new PlannerConfig(2, 4, Duration.ofMillis(61000), Duration.ofMillis(180000)), new SafetyConfig(4, 0.31, 3, 5, Duration.ofMillis(120000), Duration.ofMillis(2340000), Duration.ofMillis(49000), false)),
                History.of(
                Tick.after(1000).with(new OperatorCommand.Evacuate("loc-00", null, null, "U-ops")),
                Tick.after(1000).with(new Probes(-1, 1, Outcome.CONNECT_ERROR)),
                Tick.after(1000),
                Tick.after(1000),
                Tick.after(1000)));

        assertDoesNotThrow(() -> scenario.play(EnumSet.of(Invariant.NO_CATCHMENT_ON_BAD_RECEIVER)));
    }

    @Test
    @Disabled("open: a share no receiver has room for at its maximum stays on the dead receiver")
    void usersLeaveAReceiverBadForTwoMinutesWhenAGoodOneHasReadyRoom() {
        // Shrunk from random topologies, not fixed yet (the gap above, found again by a 5,000-try
        // search): 5.6 percent of loc-15's users are still sent to loc-12, bad for 120 s, because its
        // evacuation row keeps them there (the planner found no receiver with room at its maximum),
        // while loc-06 is good with ready room for them now.
        EngineScenario scenario = new EngineScenario(Topology.greatCircle(List.of(
                TestTopologies.location("loc-00", 16.0, 87.0, 2660.8608000000004, new CapacityModel(24, 309.0, 15, 80, 0.39, Duration.ofMillis(50000))),
                TestTopologies.location("loc-01", 36.0, 6.0, 273.31919999999997, new CapacityModel(34, 29.0, 24, 81, 0.63, Duration.ofMillis(229000))),
                TestTopologies.location("loc-02", 19.0, 57.0, 780.416, new CapacityModel(268, 35.0, 200, 369, 0.52, Duration.ofMillis(21000))),
                TestTopologies.location("loc-03", -5.0, -171.0, 1130.976, new CapacityModel(88, 17.0, 11, 257, 0.56, Duration.ofMillis(54000))),
                TestTopologies.location("loc-04", -9.0, -14.0, 670.1695, new CapacityModel(65, 11.0, 41, 240, 0.91, Duration.ofMillis(335000))),
                TestTopologies.location("loc-05", 2.0, 1.0, 0.0, new CapacityModel(0, 10.0, 0, 1, 1.0, Duration.ofMillis(0))),
                TestTopologies.location("loc-06", 3.0, -51.0, 0.0, new CapacityModel(30, 193.0, 15, 61, 0.46, Duration.ofMillis(4000))),
                TestTopologies.location("loc-07", 16.0, 7.0, 13.613600000000002, new CapacityModel(17, 22.0, 13, 376, 0.52, Duration.ofMillis(36000))),
                TestTopologies.location("loc-08", -55.0, 34.0, 6.930000000000001, new CapacityModel(5, 33.0, 1, 13, 0.3, Duration.ofMillis(15000))),
                TestTopologies.location("loc-09", -16.0, 23.0, 39676.674, new CapacityModel(347, 236.0, 117, 399, 0.51, Duration.ofMillis(211000))),
                TestTopologies.location("loc-10", -2.0, 180.0, 0.22, new CapacityModel(2, 11.0, 2, 2, 1.0, Duration.ofMillis(0))),
                TestTopologies.location("loc-11", -38.0, -3.0, 2168.5950000000003, new CapacityModel(337, 11.0, 1, 400, 0.45, Duration.ofMillis(16000))),
                TestTopologies.location("loc-12", -49.0, -62.0, 28130.255999999998, new CapacityModel(118, 660.0, 2, 152, 0.84, Duration.ofMillis(254000))),
                TestTopologies.location("loc-13", -48.0, -29.0, 514.1500000000001, new CapacityModel(113, 50.0, 14, 384, 0.65, Duration.ofMillis(55000))),
                TestTopologies.location("loc-14", 16.0, -98.0, 5405.1228, new CapacityModel(51, 462.0, 19, 121, 0.37, Duration.ofMillis(6000))),
                TestTopologies.location("loc-15", 17.0, 35.0, 8553.6, new CapacityModel(264, 900.0, 12, 400, 0.4, Duration.ofMillis(85000))))),
                new EngineConfig(new HealthConfig(List.of("vantage-a", "vantage-b", "vantage-c"), 1, Duration.ofMillis(5000), 64, 1, 0.6, 0.5, Duration.ofMillis(60000)), new HysteresisConfig(0.5, 0.9, 0.1, Duration.ofMillis(2000), Duration.ofMillis(60000)), new FailbackConfig(List.of(0.25, 0.5, 1.0), Duration.ofMillis(12000)), new PlannerConfig(3, 6, Duration.ofMillis(109000), Duration.ofMillis(900000)), new SafetyConfig(14, 0.44, 5, 11, Duration.ofMillis(360000), Duration.ofMillis(2220000), Duration.ofMillis(50000), false)),
                History.of(
                Tick.after(1000).with(new Probes(-1, 1, Outcome.CONNECT_ERROR)),
                Tick.after(5000),
                Tick.after(1800000).with(new Probes(-1, 1, Outcome.OK)).with(new OperatorCommand.Evacuate("loc-15", null, null, "U-ops")),
                Tick.after(26).with(new History.SignalChoice(1, "db", SignalStatus.HEALTHY, 119999)),
                Tick.after(5001).with(new Probes(-1, 1, Outcome.OK)).with(new OperatorCommand.Evacuate("loc-15", null, null, "U-ops")),
                Tick.after(1000).with(new OperatorCommand.Freeze(null, "drill", "U-ops"), new OperatorCommand.Evacuate("loc-04", Duration.ofMillis(501000), "db failover", "U-oncall"), new OperatorCommand.Unfreeze("U-ops")).with(new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, true), new ScaleOutcome(5, ActionOutcome.ScaleStatus.READY), new History.PublishOutcome(ActionOutcome.PublishStatus.FAILED, false)),
                Tick.after(119999).with(new Probes(-1, 14, Outcome.CONNECT_ERROR)).with(new OperatorCommand.Evacuate("loc-15", null, null, "U-ops")),
                Tick.after(1000),
                Tick.after(1428).with(new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false), new History.PublishOutcome(ActionOutcome.PublishStatus.FAILED, false), new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false)).with(new History.SignalChoice(9, "db", SignalStatus.DEGRADED, 3625)),
                Tick.after(124042).with(new History.SignalChoice(14, "queue", SignalStatus.FAILING, 93628)),
                Tick.after(1000).with(new ScaleOutcome(1, ActionOutcome.ScaleStatus.READY)).with(new History.SignalChoice(0, "queue", SignalStatus.DEGRADED, 96988), new History.SignalChoice(10, "db", SignalStatus.HEALTHY, 31425)),
                Tick.after(1000),
                Tick.after(1800000).with(new Probes(0, 2, Outcome.OK)).with(new OperatorCommand.Evacuate("loc-15", null, null, "U-ops")),
                Tick.after(1000).with(new History.PublishOutcome(ActionOutcome.PublishStatus.FAILED, false)),
                Tick.after(112093).with(new Probes(0, 0, Outcome.CONNECT_ERROR), new Probes(-1, 9, Outcome.CONNECT_ERROR)).with(new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false), new History.PublishOutcome(ActionOutcome.PublishStatus.FAILED, false), new ScaleOutcome(1, ActionOutcome.ScaleStatus.TIMED_OUT)),
                Tick.after(0).with(new ScaleOutcome(0, ActionOutcome.ScaleStatus.TIMED_OUT)),
                Tick.after(1000).with(new Inputs.CapacityReading("loc-02", 23), new Inputs.CapacityReading("loc-05", 1)),
                Tick.after(1000).with(new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false), new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, true), new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false)),
                Tick.after(5737),
                Tick.after(102437).with(new ScaleOutcome(3, ActionOutcome.ScaleStatus.FAILED)).with(new History.SignalChoice(6, "queue", SignalStatus.HEALTHY, 6797), new History.SignalChoice(6, "db", SignalStatus.FAILING, 95)),
                Tick.after(2),
                Tick.after(1000).with(new OperatorCommand.Evacuate("loc-14", Duration.ofMillis(4152000), "", "U-oncall"), new OperatorCommand.Unpin("loc-00", "U-oncall"), new OperatorCommand.Freeze(Duration.ofMillis(1000), "db failover", "U-ops")),
                Tick.after(1000).with(new Probes(-1, 2, Outcome.CONNECT_ERROR), new Probes(1, 9, Outcome.CONNECT_ERROR), new Probes(0, 12, Outcome.SLOW)).with(new History.PublishOutcome(ActionOutcome.PublishStatus.INSYNC, false)).with(new Inputs.CapacityReading("loc-03", 23)),
                Tick.after(5225),
                Tick.after(120001).with(new Silent(2, true)).with(new OperatorCommand.Evacuate("loc-15", null, null, "U-ops"))));

        assertDoesNotThrow(() -> scenario.play(EnumSet.of(Invariant.NO_CATCHMENT_ON_BAD_RECEIVER)));
    }
}
