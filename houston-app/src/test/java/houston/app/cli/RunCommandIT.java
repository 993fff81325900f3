package houston.app.cli;

import houston.probes.intake.HmacAuth;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code houston run} as users run it: two loopback locations, the file DNS provider, signed commands. */
class RunCommandIT {

    private static final String SECRET = "run-command-it-shared-secret-0123";

    @TempDir
    Path dir;

    private Vertx vertx;
    private HttpServer site;
    private final HttpClient http = HttpClient.newHttpClient();
    private final HmacAuth signer = new HmacAuth(SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60),
            Clock.systemUTC(), 10);

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        site = vertx.createHttpServer().requestHandler(r -> r.response().end("<p>houston-canary</p>"))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        Files.writeString(dir.resolve("token"), SECRET);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private Path config() throws Exception {
        String location = """
                  %s { name = %s, latitude = 0, longitude = %d, edges = ["127.0.0.1:%d"], peak-demand-rps = 100,
                       capacity { instances = 2, rps-per-instance = 100, min-instances = 1, max-instances = 8,
                                  target-utilisation = 0.6, scale-up-lead-time = 1s } }
                """;
        Path conf = dir.resolve("run.conf");
        Files.writeString(conf, "houston.topology.include-default-locations = false\n"
                + "houston.topology.locations {\n" + location.formatted("lab-a", "a", 1, site.actualPort())
                + location.formatted("lab-b", "b", 2, site.actualPort()) + "}\n"
                + "houston.health { vantages = [here], quorum = 1 }\n"
                + "houston.planner { receivers = 1, max-receivers = 1 }\n"
                + "houston.safety { max-evacuated = 1, min-serving = 1, fail-static-fraction = 1.0 }\n"
                + "houston.probes.sites = [{ host = canary.test, tls = false, port = 80, marker = houston-canary }]\n"
                + "houston.http.port = 0\nhouston.journal.dir = \"" + dir.resolve("journal") + "\"\n"
                + "houston.api.token-file = \"" + dir.resolve("token") + "\"\n"
                + "houston.dns { provider = file, file = \"" + dir.resolve("zone.json") + "\", poll-interval = 50ms }\n"
                + "houston.scaler.lab.lead-time-scale = 0.01\n");
        return conf;
    }

    /** Runs the daemon for {@code seconds} in the background; completes with its output once it listens. */
    private CompletableFuture<Integer> run(StringWriter out, int seconds) throws Exception {
        Path conf = config();
        return CompletableFuture.supplyAsync(() -> {
            CommandLine cli = HoustonCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(out, true));
            return cli.execute("run", "--config", conf.toString(), "--run-for", "PT" + seconds + "S");
        });
    }

    private static int port(StringWriter out) throws InterruptedException {
        Pattern p = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
        for (int i = 0; i < 300; i++) {
            Matcher m = p.matcher(out.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("daemon did not start: " + out);
    }

    private HttpResponse<String> command(int port, String body, boolean sign) throws Exception {
        long ts = Instant.now().getEpochSecond();
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/commands"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sign) {
            r.header(HmacAuth.TIMESTAMP, String.valueOf(ts)).header(HmacAuth.SIGNATURE,
                    signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject plan(int port) throws Exception {
        return new JsonObject(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/plan")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private void awaitGeneration(int port, long generation) throws Exception {
        for (int i = 0; i < 200 && plan(port).getLong("liveGeneration") < generation; i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void signedCommandEvacuatesUnsignedIsRefusedAndARestartKeepsTheEvacuation() throws Exception {
        StringWriter first = new StringWriter();
        CompletableFuture<Integer> daemon = run(first, 8);
        int port = port(first);

        HttpResponse<String> unsigned = command(port, "{\"command\":\"evacuate lab-a\",\"by\":\"mallory\"}", false);
        HttpResponse<String> bad = command(port, "{\"command\":\"evacuate mars-1\",\"by\":\"alice\"}", true);
        HttpResponse<String> ok = command(port, "{\"command\":\"evacuate lab-a for 2h drill\",\"by\":\"alice\"}", true);
        awaitGeneration(port, 1);
        JsonObject during = plan(port);
        assertEquals(0, daemon.get(60, TimeUnit.SECONDS), first.toString());

        StringWriter second = new StringWriter();
        CompletableFuture<Integer> restarted = run(second, 4);
        int port2 = port(second);
        Thread.sleep(1500);
        JsonObject after = plan(port2);
        restarted.get(60, TimeUnit.SECONDS);

        assertEquals(401, unsigned.statusCode());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("unknown location 'mars-1'"), bad.body());
        assertEquals(202, ok.statusCode(), ok.body());
        assertEquals(1.0, during.getJsonObject("rows").getJsonObject("lab-a").getDouble("lab-b"), 1e-9);
        assertEquals(1, after.getLong("generation"), "a restart must not publish again: " + after);
        assertEquals(1.0, after.getJsonObject("rows").getJsonObject("lab-a").getDouble("lab-b"), 1e-9);
        assertTrue(first.toString().contains("houston stopped: journal closed."), first.toString());
    }
}
