package houston.app.config;

import houston.sim.DrillResult;
import houston.sim.KpiTable;
import houston.sim.RunResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DNS API down from a minute before sa-east-1 dies to 20 minutes after: with the health-endpoint
 * fallback Houston moves the catchment through Route 53's data plane and fails fewer requests than
 * the better Route 53 health-check baseline, with no receiver overloaded by the even split.
 */
class DnsApiOutageDrillTest {

    private static final Path DRILL = Path.of("..", "config", "drills", "unrehearsed", "dns-api-outage-around-failure.conf");

    @Test
    void houstonFailsFewerRequestsThanTheBetterBaselineWithoutOverload() {
        DrillResult result = DrillRuns.of(DRILL);

        String table = KpiTable.render(result);
        RunResult houston = run(result, "houston");
        double better = Math.min(run(result, "route53-failover").kpis().failedRequests(),
                run(result, "route53-fast").kpis().failedRequests());
        assertTrue(houston.kpis().failedRequests() * 2 <= better, table);
        assertEquals(0.0, houston.kpis().overloadSeconds(), table);
        assertTrue(result.objectivesMet(), table);
    }

    private static RunResult run(DrillResult result, String policy) {
        return result.runs().stream().filter(r -> r.policy().equals(policy)).findFirst().orElseThrow();
    }
}
