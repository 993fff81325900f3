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

    private final NearestCapacityPlanner planner = new NearestCapacityPlanner(topology,
            new PlannerConfig(2, 3, Duration.ofMinutes(5), Duration.ofMinutes(15)));

    private Placement place(double rps) {
        return planner.place(0, rps, loads, eligible, instances);
    }

    @Test
    void theNearestTakesAllThatNineTenthsOfItsMaximumHold() {
        // loc-01 holds 0.9 × 2,000 − 400 = 1,400 rps more: all 1,000 go there, none to loc-02.
        Placement p = place(1000);

        assertEquals(List.of("loc-01"), p.receivers().stream().map(ReceiverShare::location).toList());
        assertEquals(1000, p.receivers().get(0).addedRps(), 1e-6);
        assertEquals(1.0, p.receivers().get(0).fraction(), 1e-9);
    }

    @Test
    void receiversAskForTheInstancesTheirNewLoadNeeds() {
        // 1,400 rps at 50 rps per instance (100 × 0.5 target) = 28 instances.
        Placement p = place(1000);

        assertEquals(28, p.receivers().get(0).instancesNeeded());
    }

    @Test
    void fartherReceiversTakeOnlyWhatTheNearerCannotHold() {
        // 3,000 rps: loc-01 is filled to 0.9 of its maximum (+1,400), loc-02 too (+600), loc-03 takes the last 1,000.
        Placement p = place(3000);

        assertEquals(List.of("loc-01", "loc-02", "loc-03"), p.receivers().stream().map(ReceiverShare::location).toList());
        assertEquals(List.of(1400.0, 600.0, 1000.0),
                p.receivers().stream().map(r -> Math.round(r.addedRps() * 1e6) / 1e6).toList());
        assertEquals(List.of(1800.0, 1800.0, 1000.0),
                p.receivers().stream().map(r -> Math.round(r.loadAfterRps() * 1e6) / 1e6).toList());
    }

    @Test
    void whatDoesNotFitBelowTheMaximumIsReportedUnplaced() {
        // Below 0.9 of their maximum the three hold 3,800; up to it 1,600 + 800 + 2,000 = 4,400: 600 of 5,000 do not fit.
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

        // loc-02 holds 0.9 × 2,000 − 1,200 = 600 more; loc-03 takes the other 400.
        assertEquals(List.of("loc-02", "loc-03"), p.receivers().stream().map(ReceiverShare::location).toList());
        assertEquals(List.of(0.6, 0.4), p.receivers().stream().map(r -> Math.round(r.fraction() * 1e9) / 1e9).toList());
    }

    @Test
    void aLocationAtItsMaximumIsPassedOverAndSaysSo() {
        double[] full = {0, 2000, 1200, 0};

        Placement p = new NearestCapacityPlanner(topology, new PlannerConfig(2, 3, Duration.ofMinutes(5), Duration.ofMinutes(15)))
                .place(0, 1000, full, eligible, instances);

        assertEquals(List.of("loc-02", "loc-03"), p.receivers().stream().map(ReceiverShare::location).toList());
        assertEquals(List.of("loc-01 passed over: no spare capacity even at its maximum (2000 rps of 2000)"), p.notes());
    }

    @Test
    void noMoreThanMaxReceiversTakeAny() {
        // max-receivers 2: loc-01 and loc-02 hold 2,000 of 3,000 at 0.9 of their maximum, 2,400 at it; loc-03 is
        // not asked, 600 stay unplaced.
        Placement p = new NearestCapacityPlanner(topology, new PlannerConfig(2, 2, Duration.ofMinutes(5), Duration.ofMinutes(15)))
                .place(0, 3000, loads, eligible, instances);

        assertEquals(List.of("loc-01", "loc-02"), p.receivers().stream().map(ReceiverShare::location).toList());
        assertEquals(600, p.unplacedRps(), 1e-6);
    }

    @Test
    void zeroDemandStillSaysWhereUsersWouldGo() {
        Placement p = place(0);

        assertEquals(List.of(0.5, 0.5), p.receivers().stream().map(ReceiverShare::fraction).toList());
        assertEquals(0, p.unplacedRps());
    }

    private Placement placeOnReady(double rps) {
        return planner.placeOnReady(0, rps, loads, eligible, instances);
    }

    @Test
    void onReadyCapacityTheNearestIsFilledToNineTenthsOfWhatItRunsBeforeAFartherOneTakesAny() {
        // loc-01 runs 10 instances: 0.9 × 1,000 − 400 = 500 rps of ready room; loc-02 runs 24, but 0.9 of its
        // maximum (1,800) comes first: 600.
        Placement p = placeOnReady(1000);

        assertEquals(List.of("loc-01", "loc-02"), p.receivers().stream().map(ReceiverShare::location).toList());
        assertEquals(List.of(500.0, 500.0), p.receivers().stream().map(r -> Math.round(r.addedRps() * 1e6) / 1e6).toList());
        assertEquals(0, p.unplacedRps(), 1e-9);
    }

    @Test
    void onReadyCapacityWhatNoReadyInstanceHoldsIsUnplacedNotForced() {
        // Ready room: loc-01 500, loc-02 600, loc-03 900 (10 instances at 0.9) = 2,000 of 3,000.
        Placement p = placeOnReady(3000);

        assertEquals(1000, p.unplacedRps(), 1e-6);
        for (ReceiverShare r : p.receivers()) {
            int index = topology.indexOf(r.location());
            assertTrue(r.loadAfterRps() <= 0.9 * instances[index] * 100 + 1e-6, r.toString());
        }
    }

    @Test
    void onReadyCapacityAReceiverAboveTargetAsksToGrowBackToIt() {
        // loc-01 at 900 rps on 10 instances needs 18 at 50 rps each to be back at its target.
        Placement p = placeOnReady(500);

        assertEquals(18, p.receivers().get(0).instancesNeeded());
    }
}

