package houston.dns.route53;

import houston.core.engine.Inputs.ControlPlaneReading;
import houston.dns.ZoneWatch;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control-plane watch's read, GetHostedZone through the real SDK, against the Route 53 stand-in. */
class Route53ControlPlaneWatchIT {

    private static final long AT = 1_790_000_000_000L;

    private Vertx vertx;
    private Route53StandIn route53;
    private Route53Zone zone;
    private ZoneWatch watch;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        route53 = new Route53StandIn(vertx, new InMemoryZone(Clock.systemUTC(), Duration.ZERO));
        zone = new Route53Zone("/hostedzone/" + Route53StandIn.ZONE_ID, URI.create("http://127.0.0.1:" + route53.port()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHOUSTONTEST", "not-a-secret")));
        watch = new ZoneWatch(zone);
    }

    @AfterEach
    void stop() throws Exception {
        watch.close();
        zone.close();
        route53.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private ControlPlaneReading read() throws Exception {
        return watch.read(AT).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAnsweredReadIsAnOkReadingAtTheTimeItWasSentWithOneRequest() throws Exception {
        ControlPlaneReading reading = read();

        assertEquals(new ControlPlaneReading(AT, true, ""), reading);
        assertEquals(1, route53.hostedZoneReads.get());
    }

    @Test
    void aReadRefusedByTheApiIsAFailedReadWithRoute53sErrorAndNoRetry() throws Exception {
        route53.zone.controlPlaneDown(true);

        ControlPlaneReading reading = read();

        assertFalse(reading.ok());
        assertEquals(AT, reading.atMs());
        assertTrue(reading.detail().startsWith("server_error: ServiceUnavailable"), reading.detail());
        assertEquals(1, route53.hostedZoneReads.get());
    }

    @Test
    void aReadAnsweredAgainAfterAnOutageIsOk() throws Exception {
        route53.zone.controlPlaneDown(true);
        ControlPlaneReading down = read();
        route53.zone.controlPlaneDown(false);

        ControlPlaneReading back = read();

        assertFalse(down.ok());
        assertTrue(back.ok(), back.detail());
    }

    @Test
    void aReadThatHangsPastItsOwnTimeoutIsAFailedRead() throws Exception {
        route53.readDelayMs = Route53Zone.WATCH_TIMEOUT.toMillis() + 2_000;
        long started = System.nanoTime();

        ControlPlaneReading reading = read();

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertFalse(reading.ok());
        assertTrue(tookMs < route53.readDelayMs, "took " + tookMs + " ms");
        assertTrue(reading.detail().startsWith("server_error: cannot reach Route 53"), reading.detail());
    }
}
