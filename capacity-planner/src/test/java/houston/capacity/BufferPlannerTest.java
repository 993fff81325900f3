package houston.capacity;

import houston.core.config.EngineConfig;
import houston.core.config.PlannerConfig;
import houston.core.engine.DecisionEngine;
import houston.core.model.CapacityModel;
import houston.core.model.GeoPoint;
import houston.core.model.Location;
import houston.core.model.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Three locations on the equator: A at 0°, B at 1°, C at 3°. Every instance serves 100 rps at
 * 100%, so 50 rps at the 0.5 target; at most 40 instances (2,000 rps at target). Peak demand:
 * A 400, B 400, C 200 rps; today each runs exactly its own peak need (A 8, B 8, C 4). Two
 * receivers at most share a lost catchment, the nearest first.
 */
class BufferPlannerTest {

    private static Location location(String id, double lon, double demand, int today, int max) {
        return new Location(id, id, new GeoPoint(0, lon), List.of("192.0.2.1"), demand,
                new CapacityModel(today, 100, 1, max, 0.5, Duration.ofMinutes(4)));
    }

    private static BufferPlanner planner(int maxC, int maxB) {
        Topology t = Topology.greatCircle(List.of(location("a", 0, 400, 8, 40), location("b", 1, 400, 8, maxB),
                location("c", 3, 200, 4, maxC)));
        EngineConfig base = EngineConfig.defaults();
        EngineConfig config = new EngineConfig(base.health(), base.hysteresis(), base.failback(),
                new PlannerConfig(2, 2, Duration.ofMinutes(5), Duration.ofMinutes(15)),
                new houston.core.config.SafetyConfig(2, 0.9, 1, 2, Duration.ofMinutes(10), Duration.ofHours(1),
                        Duration.ofSeconds(30), false));
        return new BufferPlanner(new DecisionEngine(config, t));
    }

    private static LocationBuffer of(BufferPlan plan, String id) {
        return plan.locations().stream().filter(l -> l.location().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void receiversAreSizedForTheirWorstSingleLoss() {
        // The nearest receiver holds a lost catchment as long as 0.9 of its maximum (1,800 rps) does. Lose A:
        // B, 1° away, takes all 400 (800 rps: 800 / 50 = 16 instances). Lose B: A takes its 400 (16).
        // Lose C: B, 2° away, takes its 200 (600: 12). C is nobody's nearest: it keeps its own 4.
        BufferPlan plan = planner(40, 40).plan(1);

        assertEquals(List.of(16, 16, 4), plan.locations().stream().map(LocationBuffer::required).toList());
        assertEquals(List.of(8, 8, 0), plan.locations().stream().map(LocationBuffer::delta).toList());
        assertEquals(3, plan.casesChecked());
        assertEquals(List.of(), plan.shortfalls());
    }

    @Test
    void worstCaseNamesTheFailureThatDrivesIt() {
        BufferPlan plan = planner(40, 40).plan(1);

        // B receives 400 rps when A is lost (800 total) but only 200 when C is: A drives it.
        assertEquals(List.of("a"), of(plan, "b").worstCase());
        assertEquals(800.0, of(plan, "b").peakLoadRps(), 1e-6);
    }

    @Test
    void costIsRequiredInstancesTimes24Hours() {
        BufferPlan plan = planner(40, 40).plan(1);

        assertEquals(16 * 24, of(plan, "a").instanceHoursPerDay());
    }

    @Test
    void lossThatNoInstanceCountAbsorbsIsAShortfallNamingTheReceivers() {
        // B max 10 (500 rps at target) and C max 6 (300): losing A's 400 rps finds 100 + 100 of room.
        BufferPlan plan = planner(6, 10).plan(1);

        Shortfall lostA = plan.shortfalls().stream().filter(s -> s.failed().equals(List.of("a"))).findFirst().orElseThrow();
        assertEquals(200, lostA.unplacedRps(), 1e-6);
        assertEquals(List.of("b", "c"), lostA.receiversAtMax().stream().sorted().toList());
    }

    @Test
    void survivingTwoChecksEveryPair() {
        // Losing two of three leaves one receiver: it must carry all 1,000 rps = 20 instances.
        BufferPlan plan = planner(40, 40).plan(2);

        assertEquals(3, plan.casesChecked());
        assertEquals(List.of(20, 20, 20), plan.locations().stream().map(LocationBuffer::required).toList());
    }

    @Test
    void survivingAsManyAsThereAreLocationsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> planner(40, 40).plan(3));
    }
}
