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
import static org.junit.jupiter.api.Assertions.assertTrue;

class DnsFallbackConfigTest {

    private static final String ROUTE53 = """
            houston.dns.provider = route53
            houston.dns.route53.hosted-zone-id = Z0123456789ABC
            """;

    @TempDir
    Path dir;

    private Path file(String hocon) throws IOException {
        return ConfigFiles.write(dir, hocon);
    }

    private List<String> problems(String hocon) throws IOException {
        return ConfigFiles.problems(dir, hocon);
    }

    @Test
    void defaultIsNoFallbackAfterTwoMinutes() {
        DnsFallbackConfig fallback = HoustonConfigLoader.load(null).engine().dnsFallback();

        assertEquals(new DnsFallbackConfig(DnsFallbackConfig.Mode.NONE, Duration.ofMinutes(2)), fallback);
    }

    /** The checks dns init creates unless told otherwise: fast, and failing on one 503 (10 s after it). */
    @Test
    void shippedHealthChecksAreFastAndFailOnOneFailure() {
        houston.dns.route53.Route53HealthCheckSetup.Spec check = HoustonConfigLoader.load(null).dns().healthCheck();

        assertEquals(Duration.ofSeconds(10), check.interval());
        assertEquals(1, check.threshold());
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
        List<String> problems = problems(ROUTE53 + "houston.dns.fallback = health-endpoint\nhouston.dns.fallback-after = 2s\n");

        assertEquals(List.of("houston.dns.fallback-after: 2s (expected: a duration 10s..60m) in "
                + dir.resolve("houston.conf") + ":4"), problems);
    }

    @Test
    void healthEndpointNeedsRoute53OrTheLabsInMemoryZoneAndArcNeedsRoute53() throws IOException {
        DnsFallbackConfig inMemory = HoustonConfigLoader.load(file("houston.dns.fallback = health-endpoint\n")).engine()
                .dnsFallback();
        List<String> file = problems("houston.dns.provider = file\nhouston.dns.fallback = health-endpoint\n");
        List<String> arc = problems("houston.dns.fallback = arc\n");

        assertEquals(DnsFallbackConfig.Mode.HEALTH_ENDPOINT, inMemory.mode(), "the lab's in-memory zone honours /v1/dns-health");
        assertEquals(List.of("houston.dns.fallback: health-endpoint (expected: none unless houston.dns.provider = route53, "
                + "or memory for health-endpoint (the lab's zone honours /v1/dns-health)) in " + dir.resolve("houston.conf")
                + ":2"), file);
        assertTrue(arc.contains("houston.dns.fallback: arc (expected: none unless houston.dns.provider = route53, "
                + "or memory for health-endpoint (the lab's zone honours /v1/dns-health)) in " + dir.resolve("houston.conf")
                + ":1"), arc.toString());
    }

    @Test
    void arcNeedsEndpointsAControlAndAHealthCheckForEveryLocation() throws IOException {
        List<String> problems = problems(ROUTE53 + """
                houston.dns.fallback = arc
                houston.dns.arc.routing-controls = [
                  "us-east-1=arn:aws:route53-recovery-control::111122223333:controlpanel/p1/routingcontrol/use1"
                ]
                """);
        List<String> missing = HoustonConfigLoader.load(null).topology().ids().stream()
                .filter(l -> !l.equals("us-east-1")).sorted().toList();

        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("houston.dns.arc.cluster-endpoints: [] (expected: the ARC cluster's "
                + "endpoints when houston.dns.fallback = arc) in "), problems.get(0));
        assertTrue(problems.get(1).endsWith("(expected: a routing control for every location when houston.dns.fallback"
                + " = arc (missing: " + missing + ")) in " + dir.resolve("houston.conf") + ":4"), problems.get(1));
        assertTrue(problems.get(2).startsWith("houston.dns.arc.health-checks: [] (expected: the RECOVERY_CONTROL health "
                + "check of every location's routing control when houston.dns.fallback = arc (missing: "), problems.get(2));
    }

    @Test
    void healthCheckIntervalIsOneRoute53Offers() throws IOException {
        List<String> problems = problems(ROUTE53 + """
                houston.dns.fallback = health-endpoint
                houston.dns.health-check { name = houston.example.net, interval = 20s, failure-threshold = 3 }
                """);

        assertEquals(List.of("houston.dns.health-check.interval: 20s (expected: 10s (fast checks) or 30s: the only "
                + "intervals Route 53 offers) in " + dir.resolve("houston.conf") + ":4"), problems);
    }

    @Test
    void healthCheckSettingsAndArcHealthChecksAreRead() throws IOException {
        Path f = file(ROUTE53 + """
                houston.dns.health-check { name = houston.example.net, port = 8443, interval = 30s, failure-threshold = 2 }
                houston.dns.arc.health-checks = ["us-east-1=abcdef01-2345-6789-abcd-ef0123456789"]
                """);

        DnsSettings dns = HoustonConfigLoader.load(f).dns();

        assertEquals(new houston.dns.route53.Route53HealthCheckSetup.Spec("houston.example.net", 8443,
                java.time.Duration.ofSeconds(30), 2), dns.healthCheck());
        assertEquals(java.util.Map.of("us-east-1", "abcdef01-2345-6789-abcd-ef0123456789"), dns.arc().healthChecks());
    }

    /** A RECOVERY_CONTROL health check id for every location: what fallback = arc needs besides its controls. */
    private static String everyArcHealthCheck() {
        List<String> ids = HoustonConfigLoader.load(null).topology().ids();
        return java.util.stream.IntStream.range(0, ids.size())
                .mapToObj(i -> "\"%s=abcdef01-2345-6789-abcd-ef01234567%02d\"".formatted(ids.get(i), i))
                .collect(java.util.stream.Collectors.joining(", ", "houston.dns.arc.health-checks = [", "]\n"));
    }

    @Test
    void arcSettingsAreReadInOrder() throws IOException {
        String controls = HoustonConfigLoader.load(null).topology().ids().stream().map(l -> "\"" + l
                + "=arn:aws:route53-recovery-control::111122223333:controlpanel/p1/routingcontrol/" + l + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        Path f = file(ROUTE53 + """
                houston.dns.fallback = arc
                houston.dns.arc.cluster-endpoints = ["us-west-2=https://a.example/v1", "eu-west-1=https://b.example/v1"]
                houston.dns.arc.routing-controls = [%s]
                """.formatted(controls) + everyArcHealthCheck());

        ArcSettings arc = HoustonConfigLoader.load(f).dns().arc();

        assertEquals(List.of(new houston.dns.fallback.ArcDataPlane.Endpoint("us-west-2", java.net.URI.create("https://a.example/v1")),
                new houston.dns.fallback.ArcDataPlane.Endpoint("eu-west-1", java.net.URI.create("https://b.example/v1"))),
                arc.endpoints());
    }

    @Test
    void aWrongArcEntryIsNamedAloneAndDuplicatesOrPlainHttpAreRefused() throws IOException {
        String arn = "arn:aws:route53-recovery-control::111122223333:controlpanel/p1/routingcontrol/use1";
        List<String> problems = problems(ROUTE53 + """
                houston.dns.fallback = arc
                houston.dns.arc.cluster-endpoints = ["us-west-2=https://a.example/v1", "eu-west-1=http://b.example/v1"]
                houston.dns.arc.routing-controls = ["us-east-1=%s", "eu-west-1=%s"]
                """.formatted(arn, arn) + everyArcHealthCheck());

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("houston.dns.arc.cluster-endpoints: \"eu-west-1=http://b.example/v1\" "
                + "(expected: entries region=https-url"), problems.get(0));
        assertTrue(problems.get(1).startsWith("houston.dns.arc.routing-controls: \"eu-west-1=" + arn + "\" (expected: "
                + "each location and each routing control once)"), problems.get(1));
    }

    @Test
    void arcKeysWithoutTheArcFallbackAreRefused() throws IOException {
        List<String> problems = problems(ROUTE53 + """
                houston.dns.fallback = none
                houston.dns.arc.cluster-endpoints = ["us-west-2=https://a.example/v1"]
                """);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("houston.dns.arc.cluster-endpoints: "), problems.get(0));
        assertTrue(problems.get(0).contains("(expected: [] unless houston.dns.fallback = arc"), problems.get(0));
    }

    @Test
    void theControlPlaneWatchReadsEveryFiveSecondsByDefault() {
        assertEquals(Duration.ofSeconds(5), HoustonConfigLoader.load(null).dns().controlPlaneWatch());
    }

    @Test
    void theControlPlaneWatchIsOffWithOffOrZero() throws IOException {
        Path off = file(ROUTE53 + "houston.dns.control-plane-watch = off\n");
        Path zero = ConfigFiles.write(Files.createDirectories(dir.resolve("zero")), ROUTE53
                + "houston.dns.control-plane-watch = 0s\n");

        assertEquals(Duration.ZERO, HoustonConfigLoader.load(off).dns().controlPlaneWatch());
        assertEquals(Duration.ZERO, HoustonConfigLoader.load(zero).dns().controlPlaneWatch());
    }

    @Test
    void aControlPlaneWatchUnderASecondIsRefusedWithWhatIsExpected() throws IOException {
        List<String> problems = problems(ROUTE53 + "houston.dns.control-plane-watch = 500ms\n");

        assertEquals(List.of("houston.dns.control-plane-watch: 500ms (expected: off, 0, or a duration 1s..10m) in "
                + dir.resolve("houston.conf") + ":3"), problems);
    }
}
