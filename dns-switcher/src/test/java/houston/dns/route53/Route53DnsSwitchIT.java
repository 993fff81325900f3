package houston.dns.route53;

import houston.core.model.Topology;
import houston.testkit.Eventually;
import houston.core.model.TrafficPlan;
import houston.dns.DnsSwitchContract;
import houston.dns.SwitchSettings;
import houston.dns.records.PoolLayout;
import houston.dns.WeightedRecordSwitch;
import houston.dns.zone.InMemoryZone;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract through the real AWS SDK v2 client, against the Route 53 stand-in on loopback. */
class Route53DnsSwitchIT extends DnsSwitchContract {

    private Vertx vertx;
    private Route53StandIn route53;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        // Changes stay PENDING for 150 ms: the switch must poll GetChange until INSYNC.
        route53 = new Route53StandIn(vertx, new InMemoryZone(Clock.systemUTC(), Duration.ofMillis(150)));
    }

    @AfterEach
    void stop() throws Exception {
        route53.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Override
    protected InMemoryZone zone() {
        return route53.zone;
    }

    @Override
    protected WeightedRecordSwitch newSwitch(String writer, int maxAttempts) {
        return route53Switch(LAYOUT, settings(writer, maxAttempts));
    }

    private WeightedRecordSwitch route53Switch(PoolLayout layout, SwitchSettings settings) {
        Route53Zone zone = new Route53Zone("/hostedzone/" + Route53StandIn.ZONE_ID,
                URI.create("http://127.0.0.1:" + route53.port()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHOUSTONTEST", "not-a-secret")));
        return new Route53DnsSwitch(zone, layout, settings);
    }

    private static final Route53HealthCheckSetup.Spec CHECKS = new Route53HealthCheckSetup.Spec("houston.example.net",
            443, Duration.ofSeconds(10), 3);

    private Map<String, String> provision() {
        try (Route53HealthCheckSetup setup = new Route53HealthCheckSetup("example.net.",
                URI.create("http://127.0.0.1:" + route53.port()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHOUSTONTEST", "not-a-secret")))) {
            Map<String, String> ids = new java.util.TreeMap<>();
            setup.ensure(IDS, CHECKS).forEach(p -> ids.put(p.location(), p.id()));
            return ids;
        }
    }

    @Test
    void initCreatesAHealthCheckPerLocationAndTiesEveryRecordOfTheLocationToIt() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1");

        Map<String, String> ids = provision();
        await(dns.init(TrafficPlan.identity(IDS, 0), ids));

        assertEquals(3, route53.healthCheckCreates.get());
        Route53StandIn.HealthCheck a = route53.healthChecks.get(ids.get("loc-a"));
        assertEquals(Map.of("Type", "HTTPS", "FullyQualifiedDomainName", "houston.example.net", "Port", "443",
                "ResourcePath", "/v1/dns-health/loc-a", "RequestInterval", "10", "FailureThreshold", "3",
                "EnableSNI", "true"), a.config());
        assertEquals("houston example.net. loc-a", a.reference());
        for (var r : route53.zone.list()) {
            if (r.setIdentifier() != null) {
                assertEquals(ids.get(r.setIdentifier()), r.healthCheckId(), r.toString());
            }
        }
    }

    @Test
    void aSecondInitReusesTheHealthChecksAndChangesNothing() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1");
        await(dns.init(TrafficPlan.identity(IDS, 0), provision()));
        var before = route53.zone.list();
        int changes = route53.changeCalls.get();

        Map<String, String> again = provision();
        var sent = await(dns.init(TrafficPlan.identity(IDS, 0), again));

        assertEquals(3, route53.healthCheckCreates.get());
        assertEquals(3, route53.healthChecks.size());
        assertEquals(List.of(), sent);
        assertEquals(changes, route53.changeCalls.get());
        assertEquals(before, route53.zone.list());
    }

    @Test
    void initTiesExistingRecordsWithoutChangingTheirWeightsAndPublishesKeepTheTie() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1");
        await(dns.init(TrafficPlan.identity(IDS, 0)));
        await(dns.publish(evacuateA(1)));

        Map<String, String> ids = provision();
        await(dns.init(TrafficPlan.identity(IDS, 0), ids));
        await(dns.publish(evacuateAandB(2)));

        assertEquals(evacuateAandB(2), await(dns.readLive()));
        assertTrue(route53.zone.list().stream().filter(r -> r.setIdentifier() != null)
                .allMatch(r -> ids.get(r.setIdentifier()).equals(r.healthCheckId())), route53.zone.list().toString());
    }

    @Test
    void aLocationWhoseEndpointAnswers503IsLeftOutOfEveryPool() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1");
        await(dns.init(TrafficPlan.identity(IDS, 0), provision()));
        await(dns.publish(evacuateA(1)));
        var endpoint = vertx.createHttpServer().requestHandler(req -> req.response()
                        .setStatusCode(req.path().endsWith("/loc-b") ? 503 : 200).end())
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        URI health = URI.create("http://127.0.0.1:" + endpoint.actualPort());

        try (Route53HealthChecks checks = new Route53HealthChecks(route53, name -> health, arn -> "On",
                Duration.ofMillis(100))) {
            Eventually.await(() -> !checks.answers("loc-a.pool.example.net.").containsKey("loc-b"));

            assertEquals(Map.of("loc-c", 1.0), checks.answers("loc-a.pool.example.net."));
            assertEquals(Map.of("loc-c", 1.0), checks.answers("loc-c.pool.example.net."));
            assertEquals(Map.of("loc-a", 0.5, "loc-c", 0.5), checks.answers("loc-b.pool.example.net."));
        }
    }

    @Test
    void withFloorsAPoolAtHomeWhoseHomeIsLeftOutGoesToItsFallbackReceiverOnly() throws Exception {
        // One receiver per evacuation: loc-b's nearest is loc-a (as near as loc-c, first by id).
        PoolLayout floored = new PoolLayout(TOPOLOGY, "example.net", 30, new houston.core.plan.FallbackReceivers(TOPOLOGY,
                new houston.core.config.PlannerConfig(1, 1, Duration.ofMinutes(5), Duration.ofMinutes(15))));
        WeightedRecordSwitch dns = route53Switch(floored, settings("houston-1", 3));
        await(dns.init(TrafficPlan.identity(IDS, 0), provision()));
        var endpoint = vertx.createHttpServer().requestHandler(req -> req.response()
                        .setStatusCode(req.path().endsWith("/loc-b") && down.get() ? 503 : 200).end())
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        URI health = URI.create("http://127.0.0.1:" + endpoint.actualPort());

        try (Route53HealthChecks checks = new Route53HealthChecks(route53, name -> health, arn -> "On",
                Duration.ofMillis(100))) {
            assertEquals(Map.of("loc-b", 255.0 / 256, "loc-a", 1.0 / 256), checks.answers("loc-b.pool.example.net."));
            assertEquals(TrafficPlan.identity(IDS, 0), await(dns.readLive()));

            down.set(true);
            Eventually.await(() -> !checks.answers("loc-b.pool.example.net.").containsKey("loc-b"));

            assertEquals(Map.of("loc-a", 1.0), checks.answers("loc-b.pool.example.net."));
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();

    @Test
    void fifteenLocationZoneIsReadBackExactlyAcrossSeveralPages() throws Exception {
        List<houston.core.model.Location> locations = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            locations.add(location(String.format("loc-%02d", i), i));
        }
        Topology fifteen = Topology.greatCircle(locations);
        PoolLayout layout = new PoolLayout(fifteen, "example.net", 30);
        TrafficPlan plan = TrafficPlan.of(fifteen.ids(), Map.of("loc-07", Map.of("loc-06", 0.6, "loc-08", 0.2,
                "loc-05", 0.2)), 4);
        await(route53Switch(layout, settings("houston-1", 3)).publish(plan));
        int pagesBefore = route53.listPages.get();

        TrafficPlan live = await(route53Switch(layout, settings("houston-1", 3)).readLive());

        assertEquals(plan, live);
        assertTrue(route53.listPages.get() - pagesBefore >= 6, "225 pool records and the TXT need 6 pages of 40");
    }
}
