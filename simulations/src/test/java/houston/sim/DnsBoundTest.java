package houston.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The failures no DNS-based policy can avoid. */
class DnsBoundTest {

    private final HoustonSetup setup = SimFixtures.setup();

    @Test
    void clientsThatHonourTheTtlFailOnlyUntilTheirNextRefresh() {
        // Every client honours a 30 s TTL: moved in the first second, the stale share falls
        // linearly to 0 over 30 s, so 800 rps x (30 + 29 + ... + 1)/30 s fail.
        Scenario s = new Scenario("t", "", SimFixtures.PEAK, Duration.ofMinutes(20), 1, 1.0, 20, List.of(),
                List.of(SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 60, 600, 0)), 0.0,
                new TtlModel(Duration.ofSeconds(30), 1.0, 1.0, 0.0, Duration.ofSeconds(1)), Duration.ofSeconds(5), true,
                Route53Baseline.defaults(), Objectives.NONE, Duration.ofSeconds(10), Duration.ZERO, 0, 2000);

        double bound = DnsBound.failures(s, Drill.world(s, setup, new SplittableRandom(1)));

        assertEquals(800 * 15.5, bound, 1e-6);
    }

    @Test
    void noPolicyInTheDrillFailsFewerThanTheBound() {
        Scenario s = SimFixtures.scenario(Duration.ofMinutes(30),
                List.of(SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 300, 600, 0)), Objectives.NONE);

        DrillResult r = Drill.run(s, setup, p -> { });

        assertTrue(r.dnsBound() > 0);
        for (RunResult run : r.runs()) {
            assertTrue(run.kpis().failedRequests() >= r.dnsBound(), run.policy() + " " + run.kpis());
        }
    }

    @Test
    void aRefailureCountsOnlyClientsThatHaveNotAskedSinceTheFirstFault() {
        // Both outages of loc-03 with 30 s TTL clients: by the second, everyone has asked again.
        Scenario s = new Scenario("t", "", SimFixtures.PEAK, Duration.ofMinutes(20), 1, 1.0, 20, List.of(),
                List.of(SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 60, 300, 0),
                        SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 400, 300, 0)), 0.0,
                new TtlModel(Duration.ofSeconds(30), 1.0, 1.0, 0.0, Duration.ofSeconds(1)), Duration.ofSeconds(5), true,
                Route53Baseline.defaults(), Objectives.NONE, Duration.ofSeconds(10), Duration.ZERO, 0, 2000);

        double bound = DnsBound.failures(s, Drill.world(s, setup, new SplittableRandom(1)));

        assertEquals(800 * 15.5, bound, 1e-6);
    }
}
