package houston.probes.http;

import houston.core.config.ProbeConfig;
import houston.core.health.Outcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe against real misbehaving servers on 127.0.0.1, with certificates made for the run. */
class VertxHttpProbeIT {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final ProbeConfig CONFIG = new ProbeConfig(Duration.ofSeconds(1), Duration.ZERO,
            Duration.ofMillis(500), TIMEOUT, Duration.ofMillis(400), 64 * 1024, 64);
    private static final ResponseJudge CANARY = ResponseJudge.substring(Set.of(200), FaultServers.MARKER);

    @TempDir
    static Path certs;

    static Vertx vertx;
    static FaultServers servers;
    static VertxHttpProbe probe;
    static int http;
    static int httpsGood;
    static int httpsWrongHost;
    static int httpsExpired;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        servers = new FaultServers(vertx);
        http = servers.http();
        TestCertificates ca = new TestCertificates(certs);
        httpsGood = servers.https(ca.leaf("good", "canary.test", Duration.ZERO, Duration.ofDays(30)));
        httpsWrongHost = servers.https(ca.leaf("other", "other.test", Duration.ZERO, Duration.ofDays(30)));
        httpsExpired = servers.https(ca.leaf("expired", "canary.test", Duration.ofDays(10), Duration.ofDays(1)));
        probe = new VertxHttpProbe(vertx, CONFIG, new PemTrustOptions().addCertPath(ca.caPem().toString()),
                Clock.systemUTC());
        // A cold JVM loads the HTTP and TLS stacks on first use: do that before anything is timed.
        probe(http, false, "/ok");
        probe(httpsGood, true, "/ok");
    }

    @AfterAll
    static void stop() throws Exception {
        probe.close();
        servers.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static ProbeResult probe(int port, boolean tls, String path) throws Exception {
        return probe(new ProbeTarget("lab-1", "canary.test", "127.0.0.1", port, tls, path, CANARY));
    }

    private static ProbeResult probe(ProbeTarget target) throws Exception {
        return probe.probe("test-vantage", target).await(10, TimeUnit.SECONDS);
    }

    private static void assertWithinTimeout(ProbeResult r) {
        assertTrue(r.observation().latency().compareTo(TIMEOUT.plusMillis(500)) < 0,
                "took " + r.observation().latency() + " for a " + TIMEOUT + " timeout");
    }

    @Test
    void answerWithTheMarkerIsOk() throws Exception {
        ProbeResult r = probe(http, false, "/ok");

        assertEquals(Outcome.OK, r.observation().outcome());
        assertEquals("lab-1", r.observation().location());
    }

    @Test
    void answerWithoutTheMarkerIsAContentMismatch() throws Exception {
        assertEquals(Outcome.CONTENT_MISMATCH, probe(http, false, "/nomarker").observation().outcome());
    }

    @Test
    void serverErrorIsAnHttpError() throws Exception {
        assertEquals(Outcome.HTTP_ERROR, probe(http, false, "/500").observation().outcome());
    }

    @Test
    void overCapacityIsAnHttpError() throws Exception {
        assertEquals(Outcome.HTTP_ERROR, probe(http, false, "/503").observation().outcome());
    }

    @Test
    void answerAfterTheTimeoutIsATimeoutWithinTheTimeout() throws Exception {
        ProbeResult r = probe(http, false, "/late");

        assertEquals(Outcome.TIMEOUT, r.observation().outcome());
        assertWithinTimeout(r);
    }

    @Test
    void dripOfOneByteASecondIsATimeout() throws Exception {
        ProbeResult r = probe(http, false, "/drip");

        assertEquals(Outcome.TIMEOUT, r.observation().outcome());
        assertWithinTimeout(r);
    }

    @Test
    void acceptAndNeverAnswerIsATimeout() throws Exception {
        ProbeResult r = probe(servers.silent(), false, "/ok");

        assertEquals(Outcome.TIMEOUT, r.observation().outcome());
        assertWithinTimeout(r);
    }

    @Test
    void resetConnectionIsAConnectError() throws Exception {
        ProbeResult r = probe(servers.resetting(), false, "/ok");

        assertEquals(Outcome.CONNECT_ERROR, r.observation().outcome());
        assertWithinTimeout(r);
    }

    @Test
    void refusedConnectionIsAConnectError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        assertEquals(Outcome.CONNECT_ERROR, probe(closedPort, false, "/ok").observation().outcome());
    }

    @Test
    void gigabyteBodyIsCappedAndMemoryStaysBounded() throws Exception {
        ProbeResult r = probe(new ProbeTarget("lab-1", "canary.test", "127.0.0.1", http, false, "/huge",
                ResponseJudge.substring(Set.of(200), "never-there")));

        assertEquals(Outcome.CONTENT_MISMATCH, r.observation().outcome());
        assertEquals(64 * 1024, r.bytesKept());
        assertTrue(servers.hugeBytesSent < FaultServers.GIGABYTE / 4, "server pushed " + servers.hugeBytesSent);
        assertWithinTimeout(r);
    }

    @Test
    void httpsWithTheRightCertificateIsOk() throws Exception {
        assertEquals(Outcome.OK, probe(httpsGood, true, "/ok").observation().outcome());
    }

    @Test
    void certificateForAnotherHostIsATlsError() throws Exception {
        ProbeResult r = probe(httpsWrongHost, true, "/ok");

        assertEquals(Outcome.TLS_ERROR, r.observation().outcome(), r.detail());
    }

    @Test
    void expiredCertificateIsATlsError() throws Exception {
        ProbeResult r = probe(httpsExpired, true, "/ok");

        assertEquals(Outcome.TLS_ERROR, r.observation().outcome(), r.detail());
    }

    @Test
    void deadTargetDoesNotDelayAHealthyOne() throws Exception {
        int silent = servers.silent();

        Future<ProbeResult> dead = probe.probe("v", new ProbeTarget("lab-2", "canary.test", "127.0.0.1", silent, false,
                "/ok", CANARY));
        ProbeResult healthy = probe(http, false, "/ok");

        assertEquals(Outcome.OK, healthy.observation().outcome());
        assertEquals(false, dead.isComplete(), "the healthy probe finished before the dead one timed out");
        assertEquals(Outcome.TIMEOUT, dead.await(10, TimeUnit.SECONDS).observation().outcome());
    }
}
