package houston.app.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import houston.app.config.HoustonConfigLoader;
import houston.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped rules and dashboard against a real Prometheus (Debian's package, installed by
 * .ci/run) on loopback, scraping the lab every second: promtool accepts the rules and the lab's
 * exposition, a broken lab location raises HoustonLocationEvacuated, and every dashboard query
 * returns series.
 */
// Alerts must go pending within a deadline: runs beside at most one other lab, never beside JVMs starting
// or a browser (lab-paced, the parent pom.xml).
@Tag("lab-paced")
class PrometheusIT {

    private static final Path RULES = Path.of("..", "config", "prometheus", "houston-rules.yml");
    private static final Path DASHBOARD = Path.of("..", "config", "dashboards", "houston.json");

    @TempDir
    Path dir;

    private Lab lab;
    private Process prometheus;
    private int promPort;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    static Path tool(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        // On a developer's machine a missing tool skips this test (and says how to get it); in CI it is a
        // failure, not a skip, because .ci/run installs it.
        Assumptions.assumeTrue(System.getenv("CI") != null, name + " is not installed (apt-get install prometheus)");
        throw new AssertionError(name + " missing in CI: .ci/run should install Debian's prometheus package");
    }

    @BeforeEach
    void start() throws Exception {
        Path binary = tool("prometheus");
        lab = Lab.start(HoustonConfigLoader.load(null), 0, dir.resolve("journal"), new PrintStream(PrintStream.nullOutputStream()));
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            promPort = s.getLocalPort();
        }
        Files.copy(RULES, dir.resolve("houston-rules.yml"));
        Files.writeString(dir.resolve("prometheus.yml"), """
                global: { scrape_interval: 1s, evaluation_interval: 1s }
                rule_files: [houston-rules.yml]
                scrape_configs:
                  - job_name: houston
                    static_configs: [{ targets: ["127.0.0.1:%d"] }]
                """.formatted(lab.daemon().port()));
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + promPort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
        if (lab != null) {
            lab.close();
        }
    }

    static int run(List<String> command, Path stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertEquals(0, code, String.join(" ", command) + ":\n" + out);
        return code;
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + promPort + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    private JsonNode query(String expr) throws Exception {
        return api("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)).path("data").path("result");
    }

    private static boolean active(JsonNode alerts, String name) {
        for (JsonNode a : alerts.path("data").path("alerts")) {
            if (a.path("labels").path("alertname").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void rulesAlertsAndDashboardQueriesWorkAgainstARealPrometheus() throws Exception {
        Path metrics = dir.resolve("metrics.txt");
        Files.writeString(metrics, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lab.daemon().port()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body());
        run(List.of(tool("promtool").toString(), "check", "rules", RULES.toString()), null);
        run(List.of(tool("promtool").toString(), "check", "metrics"), metrics);

        lab.world().fault("eu-west-1", LabFault.parse("outage", null));
        Eventually.until("HoustonLocationEvacuated pending or firing", Duration.ofSeconds(60),
                () -> api("/api/v1/alerts"), alerts -> active(alerts, "HoustonLocationEvacuated"));

        assertEquals("eu-west-1", query("houston:location_away == 1").path(0).path("metric").path("location").asText());
        Eventually.until("a series for every dashboard panel (last seen: the panels without one)",
                Duration.ofSeconds(30), this::panelsWithoutSeries, List::isEmpty);
    }

    /**
     * Titles of dashboard panels none of whose queries returns a series (a counter not yet hit may be
     * empty). Every query must be one Prometheus accepts; the replica panels' (houston_ha_*) can have
     * no series from the lab's single daemon: ReplicasRollingRestartIT checks their metrics exist.
     */
    private List<String> panelsWithoutSeries() throws Exception {
        List<String> empty = new ArrayList<>();
        int queries = 0;
        for (JsonNode panel : json.readTree(DASHBOARD.toFile()).path("panels")) {
            boolean any = panel.path("targets").isEmpty();
            boolean replicasOnly = !any;
            for (JsonNode target : panel.path("targets")) {
                queries++;
                String expr = target.path("expr").asText().replace("$__rate_interval", "1m")
                        .replace("$location", ".*").replace("$vantage", ".*");
                JsonNode answer = api("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
                assertEquals("success", answer.path("status").asText(), expr + ": " + answer);
                any |= !answer.path("data").path("result").isEmpty();
                replicasOnly &= expr.contains("houston_ha_");
            }
            if (!any && !replicasOnly) {
                empty.add(panel.path("title").asText());
            }
        }
        assertTrue(queries >= 20, "dashboard queries: " + queries);
        return empty;
    }
}
