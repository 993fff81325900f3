package houston.app.lab;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The alert rules' own unit tests (config/prometheus/houston-rules.test.yml), run by promtool:
 * each alert fires on the series that should raise it, with its labels and rendered text, and
 * not on the others. PrometheusIT proves the rules against a scraping Prometheus; this proves
 * alerts whose condition (a DNS outage) the lab does not produce in a few seconds.
 */
class PrometheusRulesIT {

    private static final Path TESTS = Path.of("..", "config", "prometheus", "houston-rules.test.yml");

    @Test
    void everyRuleTestPassesUnderPromtool() throws Exception {
        int code = PrometheusIT.run(List.of(PrometheusIT.tool("promtool").toString(), "test", "rules", TESTS.toString()), null);

        assertEquals(0, code);
    }
}
