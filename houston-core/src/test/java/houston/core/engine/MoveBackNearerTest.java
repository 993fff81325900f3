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
 * An evacuated catchment comes back to its nearest receiver once that receiver has ready room.
 * loc-00 (400 rps) dies; its nearest, loc-01 (1°, 111 km), serves 850 rps of its own on 10
 * instances of 100 rps (900 at the 0.9 ceiling) and never reports its pre-scale, so 350 rps
 * spill to loc-02, 32° (3,550 km) away. Twelve locations, so the safety floor of serving locations holds.
 */
class MoveBackNearerTest {

    private EngineHarness world;

    @BeforeEach
    void loc00DiesAndSpillsFarWhileItsNearestCannotGrow() {
        List<Location> locations = new ArrayList<>();
        locations.add(location("loc-00", 0, 400));
        locations.add(location("loc-01", 1, 850));
        for (int i = 2; i < 12; i++) {
            locations.add(location(String.format("loc-%02d", i), 28 + 2 * i, 100));
        }
        world = new EngineHarness(EngineConfig.defaults(), Topology.greatCircle(locations));
        world.confirmScaleUps = false;
        world.run(10);
        world.breakLocation("loc-00", "vantage-a", "vantage-b", "vantage-c");
        while (world.stateOf("loc-00") != LocationState.EVACUATED) {
            world.tick();
        }
        // Past prescale-timeout: loc-01 is planned on what it runs, the rest stays far.
        world.run(6 * 60);
    }

    private static Location location(String id, double longitude, double demand) {
        return TestTopologies.location(id, longitude, demand, new CapacityModel(10, 100, 1, 40, 0.5, Duration.ofSeconds(60)));
    }

    private List<Decision> movedNearer() {
        return world.decisions(DecisionKind.TRAFFIC_SHIFTING).stream()
                .filter(d -> d.summary().contains("moved back nearer")).toList();
    }

    private double load(String location) {
        return world.state.plan().loads(world.state.demand())[world.topology.indexOf(location)];
    }

    @Test
    void whileTheNearestHasNoReadyRoomTheUsersStayWhereTheyAre() {
        assertEquals(0.125, world.fraction("loc-00", "loc-01"), 1e-9);
        assertEquals(0.875, world.fraction("loc-00", "loc-02"), 1e-9);
        assertEquals(List.of(), movedNearer());
    }

    @Test
    void aFreezeHoldingTheMoveBackNearerIsToldOnceInTheIncidentsThread() {
        world.command(new OperatorCommand.Freeze(Duration.ofHours(1), "game day", "U-ops")).run(1);

        world.running("loc-01", 25).run(60);

        List<Decision> held = world.decisions(DecisionKind.EVACUATION_HELD).stream()
                .filter(d -> d.summary().contains("nearer")).toList();
        assertEquals(1, held.size(), held::toString);
        assertTrue(held.get(0).summary().startsWith("loc-00's users would move back nearer: loc-01 has room"),
                held.get(0).summary());
        assertTrue(held.get(0).summary().contains("held: automation is frozen by U-ops (game day) until "),
                held.get(0).summary());
        assertEquals(world.decisions(DecisionKind.EVACUATION_DECIDED).get(0).incident(), held.get(0).incident());
        assertEquals(0.875, world.fraction("loc-00", "loc-02"), 1e-9);
    }

    @Test
    void onceTheNearestHasGrownTheFarShareMovesBackToIt() {
        world.running("loc-01", 25).run(5);

        assertEquals(1.0, world.fraction("loc-00", "loc-01"), 1e-9);
        assertEquals(0.0, world.fraction("loc-00", "loc-02"), 1e-9);
        assertEquals(1, movedNearer().size());
        assertTrue(movedNearer().get(0).summary().startsWith("loc-00's users moved back nearer: loc-01 has room"),
                movedNearer().get(0).summary());
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-00"));
    }

    @Test
    void nothingIsSentPastNineTenthsOfWhatTheNearestRunsAndItIsAskedToGrowBackToTarget() {
        // 12 instances carry 1,080 at the ceiling: 230 of the 400 rps (57.5%).
        world.running("loc-01", 12).run(5);

        assertEquals(0.575, world.fraction("loc-00", "loc-01"), 1e-9);
        assertTrue(load("loc-01") <= 0.9 * 12 * 100 + 1e-6, "loc-01 carries " + load("loc-01"));
        assertTrue(world.all(Action.PreScale.class).stream().anyMatch(p -> p.location().equals("loc-01")));
    }

    @Test
    void movesNearerAtMostOnceEveryThreeMinutes() {
        world.running("loc-01", 12).run(5);
        long first = movedNearer().get(0).at().toEpochMilli();

        world.running("loc-01", 25).run(60);
        assertEquals(0.575, world.fraction("loc-00", "loc-01"), 1e-9, "a minute after the first move");

        world.run(3 * 60);
        assertEquals(2, movedNearer().size());
        assertTrue(movedNearer().get(1).at().toEpochMilli() - first >= Reconsolidation.INTERVAL_MS);
        assertEquals(1.0, world.fraction("loc-00", "loc-01"), 1e-9);
    }

    @Test
    void onceNearerItStaysThereForTheRestOfTheOutage() {
        world.running("loc-01", 25).run(5);
        long shiftsBefore = world.all(Action.PublishPlan.class).size();

        world.run(30 * 60);

        assertEquals(1, movedNearer().size());
        assertEquals(shiftsBefore, world.all(Action.PublishPlan.class).size());
        assertEquals(1.0, world.fraction("loc-00", "loc-01"), 1e-9);
    }
}
