package houston.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Route53FailoverPolicyTest {

    private final HoustonSetup setup = SimFixtures.setup();

    @Test
    void aFailedPrimarySendsItsWholeCatchmentToItsSecondary() {
        Scenario s = SimFixtures.scenario(Duration.ofMinutes(10),
                List.of(SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 60, 600, 0)), Objectives.NONE);

        RunResult r = Drill.runOne(s, setup, Route53FailoverPolicy.NAME, ms -> { });

        double[] lastLoad = r.series().load().get(r.series().load().size() - 1);
        // loc-03's nearest other location (ties by id) is loc-02: it carries both catchments.
        assertTrue(lastLoad[2] > 1.8 * lastLoad[1], java.util.Arrays.toString(lastLoad));
        assertEquals(1, r.kpis().shifts());
    }

    @Test
    void aLocationFailingOneCheckInThreeStaysIn() {
        Scenario s = SimFixtures.scenario(Duration.ofMinutes(20),
                List.of(SimFixtures.fault(Fault.Kind.BROWNOUT, "loc-03", 60, 1200, 0.3)), Objectives.NONE);

        RunResult r = Drill.runOne(s, setup, Route53FailoverPolicy.NAME, ms -> { });

        assertEquals(0, r.kpis().shifts());
    }
}
