package houston.app.cli;

import houston.dns.route53.Route53StandIn;
import houston.dns.zone.InMemoryZone;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code houston dns init} with {@code fallback = health-endpoint} against the Route 53 stand-in,
 * through the real AWS SDK and its default credential chain: it creates one health check per
 * location and ties the records to it; run again, it creates and changes nothing.
 */
class DnsInitHealthChecksIT {

    @TempDir
    Path dir;

    private Vertx vertx;
    private Route53StandIn route53;
    private Path config;
    private StringWriter out;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        route53 = new Route53StandIn(vertx, new InMemoryZone(Clock.systemUTC(), Duration.ZERO));
        // The default chain reads these first: what a daemon's environment or instance role would give.
        System.setProperty("aws.accessKeyId", "AKIDHOUSTONTEST");
        System.setProperty("aws.secretAccessKey", "not-a-secret");
        config = dir.resolve("houston.conf");
        Files.writeString(config, "houston.dns { provider = route53, fallback = health-endpoint, route53 { hosted-zone-id = "
                + Route53StandIn.ZONE_ID + ", endpoint = \"http://127.0.0.1:" + route53.port() + "\" }, "
                + "health-check.name = houston.example.net }\n");
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        route53.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private int init() {
        out = new StringWriter();
        CommandLine cli = HoustonCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute("dns", "init", "--config", config.toString());
    }

    @Test
    void initCreatesAHealthCheckPerLocationOnceAndTiesTheRecords() {
        int first = init();
        String firstOut = out.toString();
        int second = init();

        assertEquals(0, first, firstOut);
        assertEquals(15, firstOut.lines().filter(l -> l.endsWith(": created")).count(), firstOut);
        assertTrue(firstOut.contains("created 226 record sets"), firstOut);
        assertEquals(0, second, out.toString());
        assertEquals(15, out.toString().lines().filter(l -> l.endsWith(": exists")).count(), out.toString());
        assertTrue(out.toString().contains("created 0 record sets"), out.toString());
        assertTrue(route53.zone.list().stream().filter(r -> r.setIdentifier() != null)
                .allMatch(r -> r.healthCheckId() != null), "every pool record tied to a health check");
    }
}
