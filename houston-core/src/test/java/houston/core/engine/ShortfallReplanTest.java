package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.model.CapacityModel;
import houston.core.model.Location;
import houston.core.model.LocationState;
import houston.core.model.Topology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Users an evacuation could not place (a capacity shortfall) do not stay on a dead location once a
 * receiver has room. loc-00 (4,000 rps) dies while its two nearest, loc-01 and loc-02 (5,000 rps
 * maximum each), are briefly suspect (pinned healthy, so they are not evacuated themselves): the six
 * far receivers loc-03..loc-08 take 500 rps each, loc-09..loc-11 are full, and 1,000 rps (25%) stay
 * on loc-00. Then loc-01 and loc-02 score good again and clear after the up-hold.
 */
class ShortfallReplanTest {

    private static final String[] VANTAGES = {"vantage-a", "vantage-b", "vantage-c"};

    private EngineHarness world;

    @BeforeEach
    void loc00DiesWhileItsNearestAreSuspect() {
        List<Location> locations = new ArrayList<>();
        locations.add(location("loc-00", 0, 4000, 10, 40));
        locations.add(location("loc-01", 1, 850, 10, 100));
        locations.add(location("loc-02", 2, 850, 10, 100));
        for (int i = 3; i < 9; i++) {
            locations.add(location(String.format("loc-%02d", i), 28 + 2 * i, 100, 10, 12));
        }
        for (int i = 9; i < 12; i++) {
            locations.add(location(String.format("loc-%02d", i), 28 + 2 * i, 600, 12, 12));
        }
        world = new EngineHarness(EngineConfig.defaults(), Topology.greatCircle(locations));
        for (String nearest : List.of("loc-01", "loc-02")) {
            world.command(new OperatorCommand.Pin(nearest, PinTarget.HEALTHY, Duration.ofHours(2), "U-ops"));
        }
        world.run(10);
        world.breakLocation("loc-01", VANTAGES).breakLocation("loc-02", VANTAGES).run(2);
        world.breakLocation("loc-00", VANTAGES);
        while (world.stateOf("loc-00") != LocationState.EVACUATED) {
            world.tick();
        }
    }

    private static Location location(String id, double longitude, double demand, int instances, int max) {
        return TestTopologies.location(id, longitude, demand,
                new CapacityModel(instances, 100, 1, max, 0.5, Duration.ofSeconds(60)));
    }

    private List<Decision> replanned() {
        return world.decisions(DecisionKind.TRAFFIC_SHIFTING).stream()
                .filter(d -> d.summary().contains("capacity shortfall re-planned")).toList();
    }

    private void nearestRecover() {
        world.clear().breakLocation("loc-00", VANTAGES);
        while (world.stateOf("loc-01") != LocationState.HEALTHY || world.stateOf("loc-02") != LocationState.HEALTHY) {
            world.tick();
        }
    }

    @Test
    void whileNoReceiverHasRoomTheShortfallStaysAndIsAlertedOnce() {
        world.run(30);

        assertEquals(0.25, world.fraction("loc-00", "loc-00"), 1e-9);
        assertEquals(1, world.alerts(AlertKind.CAPACITY_SHORTFALL).size());
        assertEquals(List.of(), replanned());
    }

    @Test
    void onceTheNearestClearTheShortfallMovesOntoThemWithinAFewTicks() {
        nearestRecover();

        world.run(5);

        assertEquals(0.0, world.fraction("loc-00", "loc-00"), 1e-9);
        assertEquals(0.25, world.fraction("loc-00", "loc-01"), 1e-9);
        assertEquals(1, replanned().size());
        assertTrue(replanned().get(0).summary().startsWith(
                "loc-00's capacity shortfall re-planned: 25% of its users that found no receiver go to loc-01 100%"),
                replanned().get(0).summary());
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-00"));
    }

    @Test
    void thenTheUsersMoveBackNearerAndThePlanSettles() {
        nearestRecover();
        // Moves back nearer run at most every three minutes: two bring the far receivers' users to loc-01 and loc-02.
        world.run(10 * 60);
        long publishes = world.all(Action.PublishPlan.class).size();

        world.run(10 * 60);

        assertEquals(1, replanned().size());
        assertEquals(publishes, world.all(Action.PublishPlan.class).size());
        assertEquals(0.0, world.fraction("loc-00", "loc-00"), 1e-9);
        assertEquals(1.0, world.fraction("loc-00", "loc-01") + world.fraction("loc-00", "loc-02"), 1e-9);
    }

    @Test
    void aLeaderStartingFromTheLivePlanReplansTheShortfallToo() {
        world.run(5);
        nearestRecover();
        // A new leader (or a restart) starts from the plan DNS holds: loc-00 EVACUATED with 25% at home.
        world.state = world.engine.initialState(world.now, world.state.plan(), world.state.liveGeneration());
        assertEquals(0.25, world.fraction("loc-00", "loc-00"), 1e-9);

        world.run(10);

        assertEquals(0.0, world.fraction("loc-00", "loc-00"), 1e-9);
        assertTrue(world.fraction("loc-00", "loc-01") >= 0.25 - 1e-9, "loc-01 " + world.fraction("loc-00", "loc-01"));
        assertEquals(1, replanned().size());
    }
}
