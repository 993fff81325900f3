package houston.app.config;

import houston.core.config.DemandConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemandConfigTest {

    private static final String PROMETHEUS = """
            houston.demand.provider = prometheus
            houston.demand.prometheus.url = "http://prometheus.internal:9090"
            """;

    @TempDir
    Path dir;

    private String where(int line) {
        return " in " + dir.resolve("houston.conf") + ":" + line;
    }

    @Test
    void defaultIsNoSourceTwoMinutesMaxAgeAndTenPercentHeadroom() {
        HoustonSettings settings = HoustonConfigLoader.load(null);

        assertEquals(IntegrationSettings.Demand.NONE.provider(), settings.outside().demand().provider());
        assertEquals(new DemandConfig(Duration.ofMinutes(2), 0.1), settings.engine().demand());
    }

    @Test
    void oneQueryWithALocationLabelIsRead() throws IOException {
        Path f = ConfigFiles.write(dir, PROMETHEUS + """
                houston.demand.prometheus.query = "sum by (location) (rate(http_requests_total[1m]))"
                houston.demand.prometheus.interval = 5s
                houston.demand.max-age = 30s
                houston.demand.scale-down-headroom = 0.2
                houston.demand.reading-lag = 150s
                """);

        HoustonSettings settings = HoustonConfigLoader.load(f);

        IntegrationSettings.Demand d = settings.outside().demand();
        assertEquals(new IntegrationSettings.Demand("prometheus", URI.create("http://prometheus.internal:9090"),
                Duration.ofSeconds(5), Duration.ofSeconds(5), "sum by (location) (rate(http_requests_total[1m]))",
                Map.of()), d);
        assertEquals(new DemandConfig(Duration.ofSeconds(30), 0.2, Duration.ofSeconds(150)), settings.engine().demand());
    }

    @Test
    void prometheusWithoutAUrlOrAQueryNamesBoth() throws IOException {
        List<String> problems = ConfigFiles.problems(dir, "houston.demand.provider = prometheus\n");

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("houston.demand.prometheus.url: \"\" (expected: a Prometheus base URL "
                + "such as http://prometheus:9090 (provider = prometheus)) in "), problems.get(0));
        assertTrue(problems.get(1).startsWith("houston.demand.prometheus.query: \"\" (expected: either one query with "
                + "a location label, or queries per location (provider = prometheus), not both and not neither) in "),
                problems.get(1));
    }

    @Test
    void perLocationQueriesMustCoverEveryLocation() throws IOException {
        List<String> problems = ConfigFiles.problems(dir, PROMETHEUS
                + "houston.demand.prometheus.queries { us-east-1 = \"sum(rate(x[1m]))\" }\n");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("houston.demand.prometheus.queries: "), problems.get(0));
        assertTrue(problems.get(0).contains("a query for every location; missing: [af-south-1, "), problems.get(0));
    }

    @Test
    void anUnknownProviderNamesTheChoices() throws IOException {
        List<String> problems = ConfigFiles.problems(dir, "houston.demand.provider = datadog\n");

        assertEquals(List.of("houston.demand.provider: datadog (expected: none or prometheus)" + where(1)), problems);
    }
}
