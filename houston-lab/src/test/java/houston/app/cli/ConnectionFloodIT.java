package houston.app.cli;

import houston.app.bench.ConnectionFlood;
import houston.app.bench.HoustonProcess;
import houston.testkit.Eventually;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code houston run}, started from a login shell's soft descriptor limit of 1024 (hard 4096),
 * flooded with 2,500 idle and 300 slow-header connections: more than the soft limit, which the launcher
 * raises to the hard one. The API's cap refuses what is past it, the header deadline closes every flood
 * connection, the probes' reserve is never reached and they keep succeeding (no connect errors, no
 * fail-static, no evacuation), and the API answers after the flood.
 */
// Measures what a second JVM running ITs beside it would distort: runs alone (the parent pom.xml).
@Tag("load-sensitive")
class ConnectionFloodIT {

    private static final Pattern OK = Pattern.compile(
            "houston_probe_results_total\\{location=\"lab-a\",outcome=\"ok\",vantage=\"here\"} ([0-9.E]+)");

    private static final int HARD_LIMIT = 4096;

    @TempDir
    Path dir;

    @org.junit.jupiter.api.extension.RegisterExtension
    final CanarySites site = new CanarySites(1);

    /** A new client each time: the daemon may have closed an idle kept-alive connection, as it should. */
    private String get(int port, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The API answers again once the flood is closed (the server may still be draining its accept queue). */
    private String awaitGet(int port, String path) throws Exception {
        return Eventually.until("GET " + path + " answered", Eventually.DEFAULT, () -> get(port, path), body -> true);
    }

    private static double okProbes(String metrics) {
        Matcher m = OK.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static String probeLines(String metrics) {
        return String.join("\n", metrics.lines().filter(l -> l.startsWith("houston_probe")).toList());
    }

    private static double failedProbes(String metrics) {
        Matcher m = Pattern.compile("houston_probe_results_total\\{location=\"[^\"]+\",outcome=\"(?!ok\"|slow\")[^\"]+\","
                + "vantage=\"here\"} ([0-9.E]+)").matcher(metrics);
        double failed = 0;
        while (m.find()) {
            failed += Double.parseDouble(m.group(1));
        }
        return failed;
    }

    @Test
    void idleAndSlowHeaderFloodsAreCappedAndClosedWhileProbesAndDecisionsGoOn() throws Exception {
        Path conf = DaemonProcess.config(dir, site.port(), site.port(), ""
                + "houston.http { max-connections = 200, header-timeout = 2s, idle-timeout = 5s }\n"
                + "houston.probes { interval = 200ms, jitter = 20ms }\n");
        try (HoustonProcess daemon = HoustonProcess.run(conf, dir.resolve("run.log"), HARD_LIMIT, Duration.ofSeconds(60));
             ConnectionFlood flood = new ConnectionFlood("127.0.0.2")) {
            Thread.sleep(2000);
            long quietStart = System.nanoTime();
            double okQuietStart = okProbes(get(daemon.port(), "/metrics"));
            Thread.sleep(5000);
            double okBefore = okProbes(get(daemon.port(), "/metrics"));
            double quietRate = (okBefore - okQuietStart) / seconds(quietStart);

            long floodStart = System.nanoTime();
            flood.open(daemon.port(), 2_500, 300);
            int descriptorsDuringFlood = daemon.openDescriptors();
            // Another client, while the flooder holds its whole share of connections.
            JsonObject statusDuringFlood = new JsonObject(get(daemon.port(), "/v1/status"));
            int stillOpen = flood.hold(Duration.ofSeconds(10));
            String metrics = awaitGet(daemon.port(), "/metrics");
            double floodRate = (okProbes(metrics) - okBefore) / seconds(floodStart);
            JsonObject status = new JsonObject(get(daemon.port(), "/v1/status"));
            JsonObject plan = new JsonObject(get(daemon.port(), "/v1/plan"));

            assertTrue(statusDuringFlood.containsKey("tick"), "another client is answered during the flood: "
                    + statusDuringFlood.encode());
            assertEquals(0, stillOpen, "every flood connection is closed by the daemon");
            assertEquals(2_800, flood.closedByServer() + flood.refused());
            assertTrue(descriptorsDuringFlood < HARD_LIMIT - 256, "descriptors during the flood: " + descriptorsDuringFlood);
            // Half the quiet rate: the flood's accepts and closes share the machine's two cores with the probes.
            assertTrue(floodRate >= quietRate / 2, "probes kept succeeding: " + floodRate + "/s during the flood, "
                    + quietRate + "/s before\n" + probeLines(metrics));
            assertEquals(0.0, failedProbes(metrics), "no probe failed during the flood");
            assertTrue(metrics.matches("(?s).*houston_http_connections_refused_total [1-9].*"), "the cap refused some");
            assertFalse(status.getBoolean("failStatic"), status.encode());
            assertEquals(0, plan.getLong("generation"), "nothing was evacuated: " + plan.encode());
            assertTrue(daemon.alive());
        }
    }
}
