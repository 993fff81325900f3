package houston.core.plan;

import houston.core.TestTopologies;
import houston.core.config.PlannerConfig;
import houston.core.model.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four locations on the equator: loc-00 at 0°, loc-01 at 1°, loc-02 at 2°, loc-03 at 10°.
 * Each serves at most 40 instances × 100 rps × 0.5 target = 2,000 rps. Before the move loc-01
 * serves 400 rps (level 0.2 of its max), loc-02 1,200 (0.6), loc-03 nothing.
 */
class NearestCapacityPlannerTest {

    private final Topology topology = TestTopologies.equator(0, 0, 1, 2, 10);
    private final double[] loads = {0, 400, 1200, 0};
    private final boolean[] eligible = {false, true, true, true};
    private final int[] instances = {10, 10, 24, 10};

    private Placement place(double rps) {
        return new NearestCapacityPlanner(topology, new PlannerConfig(2, 3, Duration.ofMinutes(5), Duration.ofMinutes(15)))
                .place(0, rps, loads, eligible, instances);
    }

    @Test
    void twoNearestAreWaterFilledToTheSameLevel() {
        // λ = (1000 + 400 + 1200) / (2000 + 2000) = 0.65: loc-01 gets 1300 − 400 = 900, loc-02 1300 − 1200 = 100.
        Placement p = place(1000);

        assertEquals(List.of("loc-01", "loc-02"), p.receivers().stream().map(ReceiverShare::location).toList());
        assertEquals(900, p.receivers().get(0).addedRps(), 1e-6);
        assertEquals(100, p.receivers().get(1).addedRps(), 1e-6);
        assertEquals(0.9, p.receivers().get(0).fraction(), 1e-9);
    }

    @Test
    void receiversAskForTheInstancesTheirNewLoadNeeds() {
        // 1,300 rps at 50 rps per instance (100 × 0.5 target) = 26 instances each.
        Placement p = place(1000);

        assertEquals(26, p.receivers().get(0).instancesNeeded());
        assertEquals(26, p.receivers().get(1).instancesNeeded());
    }

    @Test
    void fartherReceiverJoinsOnlyWhenTheNearestCannotAbsorb() {
        // 3,000 rps > 1,600 + 800 of room: loc-03 joins. λ = (3000 + 1600) / 6000 = 0.7667.
        Placement p = place(3000);

        assertEquals(List.of("loc-01", "loc-02", "loc-03"), p.receivers().stream().map(ReceiverShare::location).toList());
        assertEquals(2000 * 4600.0 / 6000 - 400, p.receivers().get(0).addedRps(), 1e-6);
        assertEquals(2000 * 4600.0 / 6000 - 1200, p.receivers().get(1).addedRps(), 1e-6);
        assertEquals(2000 * 4600.0 / 6000, p.receivers().get(2).addedRps(), 1e-6);
    }

    @Test
    void whatDoesNotFitBelowTheMaximumIsReportedUnplaced() {
        // Room is 1,600 + 800 + 2,000 = 4,400 rps: 600 of 5,000 do not fit.
        Placement p = place(5000);

        assertEquals(600, p.unplacedRps(), 1e-6);
        assertEquals(List.of(2000.0, 2000.0, 2000.0),
                p.receivers().stream().map(r -> Math.round(r.loadAfterRps() * 1e6) / 1e6).toList());
    }

    @Test
    void ineligibleLocationsAreNeverChosen() {
        boolean[] onlyFar = {false, false, true, true};

        Placement p = new NearestCapacityPlanner(topology, new PlannerConfig(2, 3, Duration.ofMinutes(5), Duration.ofMinutes(15)))
                .place(0, 1000, loads, onlyFar, instances);

        // loc-03 alone has room below the water level; loc-02 takes none and is no receiver.
        assertEquals(List.of("loc-03"), p.receivers().stream().map(ReceiverShare::location).toList());
        assertEquals(1.0, p.receivers().get(0).fraction(), 1e-9);
    }

    @Test
    void aLocationAboveTheWaterLevelIsNoReceiver() {
        Placement p = new NearestCapacityPlanner(topology, new PlannerConfig(2, 3, Duration.ofMinutes(5), Duration.ofMinutes(15)))
                .place(0, 1000, loads, new boolean[]{false, true, true, true}, instances);

        assertTrue(p.receivers().stream().allMatch(r -> r.fraction() > 0), p.receivers().toString());
    }

    @Test
    void zeroDemandStillSaysWhereUsersWouldGo() {
        Placement p = place(0);

        assertEquals(List.of(0.5, 0.5), p.receivers().stream().map(ReceiverShare::fraction).toList());
        assertEquals(0, p.unplacedRps());
    }
}
