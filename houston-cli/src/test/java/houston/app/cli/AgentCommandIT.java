package houston.app.cli;

import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.probes.intake.HmacAuth;
import houston.probes.intake.IntakeRoutes;
import houston.testkit.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code houston agent} as users run it: probing canary servers on loopback, pushing to a daemon intake. */
class AgentCommandIT {

    private static final String SECRET = "agent-command-it-secret-0123456789";

    @TempDir
    Path dir;

    private Vertx vertx;
    private HttpServer site;
    private HttpServer daemon;
    private final List<Observation> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        site = vertx.createHttpServer().requestHandler(r -> r.response().end("<p>houston-canary</p>"))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        daemon = intake(received);
    }

    /** A daemon's observation intake on loopback, adding what it accepts to {@code into}. */
    private HttpServer intake(List<Observation> into) throws Exception {
        Router router = Router.router(vertx);
        IntakeRoutes.mount(router, new HmacAuth(SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60),
                        Clock.systemUTC(), 1000), Set.of("agent-test"), Set.of("lab-up", "lab-down"), Clock.systemUTC(),
                into::addAll, s -> { }, new SimpleMeterRegistry(), 1 << 20, () -> false);
        return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private Path config() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String location = """
                  %s { name = %s, latitude = %d, longitude = 0, edges = ["127.0.0.1:%d"], peak-demand-rps = 100,
                       capacity { instances = 2, rps-per-instance = 100, min-instances = 1, max-instances = 4,
                                  target-utilisation = 0.6, scale-up-lead-time = 1s } }
                """;
        Path conf = dir.resolve("agent.conf");
        Files.writeString(conf, "houston.topology.include-default-locations = false\n"
                + "houston.topology.locations {\n" + location.formatted("lab-up", "up", 1, site.actualPort())
                + location.formatted("lab-down", "down", 2, closed) + "}\n"
                + "houston.health.vantages = [agent-test]\nhouston.health.quorum = 1\n"
                + "houston.planner { receivers = 1, max-receivers = 1 }\nhouston.safety { max-evacuated = 1, min-serving = 1 }\n"
                + "houston.probes { interval = 200ms, jitter = 0ms, sites = [{ host = canary.test, tls = false, port = 80, "
                + "marker = houston-canary }] }\nhouston.agent.flush-interval = 100ms\n");
        return conf;
    }

    @Test
    void agentProbesEveryLocationAndPushesSignedObservations() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, SECRET + "\n");
        StringWriter out = new StringWriter();
        CommandLine cli = HoustonCli.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int code = cli.execute("agent", "--vantage", "agent-test", "--report-to", "http://127.0.0.1:" + daemon.actualPort(),
                "--token-file", token.toString(), "--run-for", "PT4S", "--http-port", "0", "--config", config().toString());

        assertEquals(0, code, out.toString());
        assertTrue(received.stream().anyMatch(o -> o.location().equals("lab-up") && o.outcome() == Outcome.OK), received + "\n" + out);
        assertTrue(received.stream().anyMatch(o -> o.location().equals("lab-down") && o.outcome() == Outcome.CONNECT_ERROR));
        assertTrue(received.stream().allMatch(o -> o.vantage().equals("agent-test")));
    }

    @Test
    void agentPushesEveryObservationToEveryReplicaAndADeadOneHoldsUpNobody() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, SECRET + "\n");
        List<Observation> second = new CopyOnWriteArrayList<>();
        HttpServer replica = intake(second);
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        StringWriter out = new StringWriter();
        CommandLine cli = HoustonCli.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int code = cli.execute("agent", "--vantage", "agent-test", "--report-to", "http://127.0.0.1:" + dead
                        + ",http://127.0.0.1:" + daemon.actualPort(), "--report-to", "http://127.0.0.1:" + replica.actualPort(),
                "--token-file", token.toString(), "--run-for", "PT4S", "--http-port", "0", "--config", config().toString());

        assertEquals(0, code, out.toString());
        for (List<Observation> at : List.of(received, second)) {
            assertTrue(at.stream().anyMatch(o -> o.location().equals("lab-up") && o.outcome() == Outcome.OK), at + "\n" + out);
            assertTrue(at.stream().anyMatch(o -> o.location().equals("lab-down") && o.outcome() == Outcome.CONNECT_ERROR));
        }
        assertTrue(out.toString().contains("http://127.0.0.1:" + dead + ": 0 delivered"), out.toString());
    }

    @Test
    void agentServesHealthzAndTheMetricsTheReadmeLists() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, SECRET + "\n");
        StringWriter out = new StringWriter();
        CommandLine cli = HoustonCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        Path conf = config();
        CompletableFuture<Integer> agent = CompletableFuture.supplyAsync(() -> cli.execute("agent", "--vantage",
                "agent-test", "--report-to", "http://127.0.0.1:" + daemon.actualPort(), "--token-file", token.toString(),
                "--run-for", "PT10S", "--http-port", "0", "--config", conf.toString()));
        URI metrics = awaitMetricsUri(out, agent);

        HttpResponse<String> healthz = http(metrics.resolve("/healthz"));
        // Both a delivery and lab-up's first result: the two locations are probed independently, so the first
        // delivered batch may hold only lab-down's.
        awaitScrape(metrics, "houston_agent_delivered_total\\{daemon=\"127.0.0.1:" + daemon.actualPort() + "\"} [1-9]");
        String scrape = awaitScrape(metrics,
                "houston_probe_results_total\\{location=\"lab-up\",outcome=\"ok\",vantage=\"agent-test\"} [1-9]");

        assertEquals(0, agent.get(30, TimeUnit.SECONDS), out.toString());
        assertEquals(200, healthz.statusCode());
        assertEquals("ok", healthz.body());
        for (String metric : List.of("houston_agent_buffered", "houston_agent_dropped_total",
                "houston_agent_delivered_total", "houston_agent_rejected_total",
                "houston_probe_results_total{location=\"lab-up\",outcome=\"ok\",vantage=\"agent-test\"}",
                "houston_probe_duration_seconds_bucket", "houston_probe_schedule_lag_seconds", "houston_probes_in_flight",
                "jvm_memory_used_bytes")) {
            assertTrue(scrape.contains(metric), metric + " missing from\n" + scrape);
        }
    }

    private static URI awaitMetricsUri(StringWriter out, CompletableFuture<Integer> agent) throws InterruptedException {
        Pattern printed = Pattern.compile("metrics (http://127\\.0\\.0\\.1:\\d+/metrics)");
        Matcher m = Eventually.within(Duration.ofSeconds(30)).whileTrue(() -> !agent.isDone()).showing(out::toString)
                .until("the agent to print its metrics address", () -> printed.matcher(out.toString()), Matcher::find);
        return URI.create(m.group(1));
    }

    /** Scrapes until a line matches {@code line} (a regex; the agent pushes every 100 ms); fails after 15 s. */
    private static String awaitScrape(URI metrics, String line) throws Exception {
        Pattern wanted = Pattern.compile("(?m)^" + line);
        return Eventually.until("a scrape with a line " + wanted, Eventually.DEFAULT, () -> http(metrics).body(),
                scrape -> wanted.matcher(scrape).find());
    }

    private static HttpResponse<String> http(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void agentWithAShortTokenRefusesToStart() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "short");
        StringWriter err = new StringWriter();
        CommandLine cli = HoustonCli.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("agent", "--vantage", "agent-test", "--report-to", "http://127.0.0.1:1",
                "--token-file", token.toString(), "--config", config().toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("holds 5 bytes (expected: at least 16"), err.toString());
    }

    @Test
    void agentWithAnUnconfiguredVantageRefusesToStart() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cli = HoustonCli.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("agent", "--vantage", "rogue", "--report-to", "http://127.0.0.1:1",
                "--token-file", dir.resolve("none").toString(), "--config", config().toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("vantage 'rogue' is not in houston.health.vantages"), err.toString());
    }
}
