package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.config.HealthConfig;
import houston.core.health.Outcome;
import houston.core.model.CapacityModel;
import houston.core.model.Location;
import houston.core.model.LocationState;
import houston.core.model.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A degraded location moves users before its receivers are ready only once its score has been bad
 * for a whole health window. Found by the drills of us-west-2 blackholed for 5 s every 2 minutes (each
 * blip, bad for two ticks, moved users out and back: 7 shifts, at most 4) and of flapping ap-south-1
 * (a move on the first bad score, then another a second later as the score kept falling: 6, at most 5).
 */
class DegradedMoveTest {

    private static EngineHarness world(Duration window) {
        HealthConfig d = HealthConfig.defaults();
        HealthConfig health = new HealthConfig(d.vantages(), d.quorum(), window, d.maxSamples(), d.minSamples(),
                d.slowBadness(), d.suspectVantageFraction(), d.signalTtl());
        EngineHarness world = new EngineHarness(EngineConfig.defaults().withHealth(health), TestTopologies.row(15));
        // Receivers never report ready: whatever moves, moves onto ready room.
        world.confirmScaleUps = false;
        return world;
    }

    @Test
    void aBlipShorterThanTheWindowIsDecidedButMovesNobodyAndIsCancelledOnceGoodForTheUpHold() {
        EngineHarness world = world(Duration.ofSeconds(4));
        world.run(10);

        // Two of three vantages fail for 3 ticks: bad for two (0.25), then back over the threshold.
        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(3);
        world.clear().run(5);
        double homeAfterBlip = world.fraction("loc-07", "loc-07");
        world.run(70);

        assertEquals(1, world.decisions(DecisionKind.EVACUATION_DECIDED).size());
        assertEquals(1.0, homeAfterBlip, 1e-9);
        assertEquals(1, world.decisions(DecisionKind.EVACUATION_CANCELLED).size());
        assertEquals(1.0, world.fraction("loc-07", "loc-07"), 1e-9);
        assertEquals(0, world.all(Action.PublishPlan.class).size());
        assertEquals(LocationState.HEALTHY, world.stateOf("loc-07"));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void aSteadyDegradationMovesOntoReadyRoomOnceBadForAWholeWindowInOneMove(int windowSeconds) {
        EngineHarness world = world(Duration.ofSeconds(windowSeconds));
        world.run(10);
        world.fault("vantage-a", "loc-07", Outcome.SLOW).fault("vantage-b", "loc-07", Outcome.SLOW);
        while (world.stateOf("loc-07") != LocationState.SUSPECT) {
            world.tick();
        }

        world.run(windowSeconds - 1);
        double homeBeforeWindow = world.fraction("loc-07", "loc-07");
        world.tick();
        double homeAtWindow = world.fraction("loc-07", "loc-07");
        world.run(30);

        // Bad for a window-length less one second: still at home; for a window: gone onto ready room
        // (a quarter as bad as dead fills receivers to 600 rps, two of them take its 400), in one plan.
        assertEquals(1.0, homeBeforeWindow, 1e-9);
        assertEquals(0.0, homeAtWindow, 1e-9);
        assertEquals(0.0, world.fraction("loc-07", "loc-07"), 1e-9);
        assertEquals(1, world.all(Action.PublishPlan.class).size());
    }

    @Test
    void aDeadLocationComingBackThroughTheDegradedBandMovesNothingMoreOntoItsGrownReceivers() {
        // loc-07 serves 3,000 rps, the others 400 on 10 instances of 100 (at most 40): dead, it moves
        // what ready room takes at once and the rest waits for receivers to grow.
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            locations.add(TestTopologies.location(String.format("loc-%02d", i), i, i == 7 ? 3000 : 400,
                    new CapacityModel(10, 100, 1, 40, 0.5, Duration.ofSeconds(60))));
        }
        EngineHarness world = new EngineHarness(EngineConfig.defaults(), Topology.greatCircle(locations));
        world.confirmScaleUps = false;
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(15);
        List<Action.PreScale> scales = world.all(Action.PreScale.class);
        for (Action.PreScale grown : scales.subList(0, scales.size() - 1)) {
            world.outcome(new ActionOutcome.ScaleResult(grown.location(), grown.instances(),
                    ActionOutcome.ScaleStatus.READY, ""));
        }
        world.run(3);
        double[] whileDead = row(world, "loc-07");
        int plansWhileDead = world.all(Action.PublishPlan.class).size();

        // Back: its score climbs through the degraded band (0.25 for a tick) to good, as a flap's up half does.
        world.clear().run(6);

        assertTrue(scales.size() > 1, "receivers asked to grow: " + scales);
        assertEquals(plansWhileDead, world.all(Action.PublishPlan.class).size());
        assertArrayEquals(whileDead, row(world, "loc-07"), 1e-9);
    }

    private static double[] row(EngineHarness world, String catchment) {
        return world.topology.ids().stream().mapToDouble(s -> world.fraction(catchment, s)).toArray();
    }
}
