package houston.app.config;

import houston.core.config.DnsFallbackConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DnsFallbackConfigTest {

    private static final String ROUTE53 = """
            houston.dns.provider = route53
            houston.dns.route53.hosted-zone-id = Z0123456789ABC
            """;

    @TempDir
    Path dir;

    private Path file(String hocon) throws IOException {
        Path f = dir.resolve("houston.conf");
        Files.writeString(f, hocon);
        return f;
    }

    private List<String> problems(String hocon) throws IOException {
        Path f = file(hocon);
        ConfigException e = assertThrows(ConfigException.class, () -> HoustonConfigLoader.load(f));
        return e.problems().stream().map(ConfigProblem::render).toList();
    }

    @Test
    void defaultIsNoFallbackAfterTwoMinutes() {
        DnsFallbackConfig fallback = HoustonConfigLoader.load(null).engine().dnsFallback();

        assertEquals(new DnsFallbackConfig(DnsFallbackConfig.Mode.NONE, Duration.ofMinutes(2)), fallback);
    }

    @Test
    void healthEndpointWithRoute53IsRead() throws IOException {
        Path f = file(ROUTE53 + "houston.dns.fallback = health-endpoint\nhouston.dns.fallback-after = 45s\n");

        DnsFallbackConfig fallback = HoustonConfigLoader.load(f).engine().dnsFallback();

        assertEquals(new DnsFallbackConfig(DnsFallbackConfig.Mode.HEALTH_ENDPOINT, Duration.ofSeconds(45)), fallback);
    }

    @Test
    void unknownModeNamesTheChoices() throws IOException {
        List<String> problems = problems(ROUTE53 + "houston.dns.fallback = failover\n");

        assertEquals(List.of("houston.dns.fallback: failover (expected: none, health-endpoint or arc) in "
                + dir.resolve("houston.conf") + ":3"), problems);
    }

    @Test
    void fallbackAfterBelowTenSecondsIsRejected() throws IOException {
        List<String> problems = problems(ROUTE53 + "houston.dns.fallback = arc\nhouston.dns.fallback-after = 2s\n");

        assertEquals(List.of("houston.dns.fallback-after: 2s (expected: a duration 10s..60m) in "
                + dir.resolve("houston.conf") + ":4"), problems);
    }

    @Test
    void fallbackNeedsTheRoute53Provider() throws IOException {
        List<String> problems = problems("houston.dns.fallback = arc\n");

        assertEquals(List.of("houston.dns.fallback: arc (expected: none unless houston.dns.provider = route53 "
                + "(the fallback acts on Route 53)) in " + dir.resolve("houston.conf") + ":1"), problems);
    }
}
