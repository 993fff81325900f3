package houston.dns.route53;

import houston.core.model.Topology;
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
