package houston.app.config;

import houston.core.engine.DecisionEngine;
import houston.core.engine.EvacuationWhatIf;
import houston.core.engine.EvacuationWhatIf.Answer;
import houston.core.model.Location;
import houston.core.model.Topology;
import houston.core.plan.Placement;
import houston.core.plan.ReceiverShare;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped 15-location topology is sized so that the planner has real work to do. */
class DefaultTopologyTest {

    private static final HoustonSettings SETTINGS = HoustonConfigLoader.load(null);
    private static final Topology TOPOLOGY = SETTINGS.topology();

    static List<String> locations() {
        return TOPOLOGY.ids();
    }

    private static Placement evacuate(String id) {
        Answer p = new EvacuationWhatIf(new DecisionEngine(SETTINGS.engine(), SETTINGS.topology())).evacuate(List.of(id), Instant.parse("2026-11-22T00:00:00Z"));
        return p.placements().get(0);
    }

    @Test
    void fifteenLocationsOnFiveContinents() {
        Set<String> regions = TOPOLOGY.ids().stream().map(id -> id.substring(0, 2)).collect(Collectors.toSet());

        assertEquals(15, TOPOLOGY.size());
        assertEquals(Set.of("us", "ca", "sa", "eu", "me", "af", "ap"), regions);
    }

    @ParameterizedTest
    @MethodSource("locations")
    void losingAnyOneLocationIsAbsorbedAfterPreScaling(String id) {
        Placement p = evacuate(id);

        assertEquals(0.0, p.unplacedRps(), id + " left demand unplaced");
        assertTrue(p.receivers().stream().allMatch(r -> r.loadAfterRps() <= r.maxRpsAtTarget() + 1e-6));
    }

    @ParameterizedTest
    @MethodSource("locations")
    void losingAnyOneLocationCannotBeAbsorbedWithoutPreScaling(String id) {
        Placement p = evacuate(id);

        double spareToday = 0;
        for (ReceiverShare r : p.receivers()) {
            Location receiver = TOPOLOGY.location(r.location());
            spareToday += receiver.capacity().rpsAtTarget(receiver.capacity().instances()) - r.loadBeforeRps();
        }
        assertTrue(spareToday < p.movedRps(), id + ": receivers could absorb without scaling");
        assertTrue(p.receivers().stream().anyMatch(ReceiverShare::needsScaleUp));
    }

    @Test
    void usEast1FillsItsNearestReceiversBeforeCrossingTheContinent() {
        Placement p = evacuate("us-east-1");

        // us-east-2 (484 km) holds 500 × 500 × 0.65 = 162,500 rps at its maximum; filled to 0.9 of it (a tenth
        // kept for its own users' growth), 86,250 beyond its own 60,000; ca-central-1 (787 km) takes the
        // other 33,750 of 120,000; us-west-2 (3,736 km) none.
        assertEquals(List.of("us-east-2", "ca-central-1"), p.receivers().stream().map(ReceiverShare::location).toList(),
                p.receivers().toString());
        assertEquals(86_250, p.receivers().get(0).addedRps(), 1e-6);
        assertEquals(33_750, p.receivers().get(1).addedRps(), 1e-6);
    }

    @ParameterizedTest
    @MethodSource("locations")
    void aFartherReceiverTakesOnlyWhatTheNearerOnesCannotHold(String id) {
        Placement p = evacuate(id);

        List<ReceiverShare> nearerThanLast = p.receivers().subList(0, p.receivers().size() - 1);
        for (ReceiverShare r : nearerThanLast) {
            // Filled to 0.9 of its maximum (the planner's reserve for its own users), or beyond when that was not enough.
            assertTrue(r.loadAfterRps() >= 0.9 * r.maxRpsAtTarget() - 1e-6, id + ": " + r.location()
                    + " not filled before a farther receiver: " + p.receivers());
        }
    }
}
