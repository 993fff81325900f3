package houston.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The drill table's row: every figure from the run, missed objectives named with Houston's figure. */
class DrillTableTest {

    private static DrillResult outage(Objectives objectives) {
        return Drill.run(SimFixtures.scenario(Duration.ofMinutes(20),
                List.of(SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 120, 600, 0)), objectives), SimFixtures.setup(),
                p -> { });
    }

    @Test
    void aRowShowsFailedRequestsLatencyAndTheBoundOfTheRun() {
        DrillResult r = outage(new Objectives(0.0, 0, null, null, null, null, null, null));
        Kpis h = r.run(HoustonPolicy.NAME).kpis();
        Kpis standard = r.run(Route53FailoverPolicy.NAME).kpis();
        Kpis fast = r.run(Route53FailoverPolicy.FAST).kpis();

        String row = DrillTable.row(r, "unrehearsed");

        assertEquals(String.format(Locale.ROOT, "| test *(unrehearsed)* | %s | %s | %s | %s | %.2f / %.2f / %.2f | met |%n",
                DrillTable.millions(h.failedRequests()), DrillTable.millions(standard.failedRequests()),
                DrillTable.millions(fast.failedRequests()), DrillTable.millions(r.dnsBound()), h.addedLatencyMs(),
                standard.addedLatencyMs(), fast.addedLatencyMs()), row);
    }

    @Test
    void aNameWithAPipeStaysOneCell() {
        String cell = DrillTable.cell("us-east-1 | eu-west-1 \\ both");

        assertEquals("us-east-1 \\| eu-west-1 \\\\ both", cell);
    }

    @Test
    void aMissedObjectiveIsNamedWithHoustonsFigure() {
        DrillResult r = outage(new Objectives(null, null, 0.0, null, null, null, null, null));

        String row = DrillTable.row(r, null);

        assertEquals("**missed**: time to detect <= 0 s (houston: "
                + String.format(Locale.ROOT, "%.0f s", r.run(HoustonPolicy.NAME).kpis().timeToDetect()) + ") |",
                row.substring(row.indexOf("**missed**")).strip());
    }

    @Test
    void failedRequestsAreMillionsAboveFiftyThousandAndExactBelow() {
        assertEquals("0", DrillTable.millions(0.3));
        assertEquals("12,345", DrillTable.millions(12_345));
        assertEquals("11.2 M", DrillTable.millions(11_211_589));
    }
}
