package houston.app.lab;

import houston.app.config.HoustonConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import houston.testkit.Eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics docs/ names, with the labels it gives them, are the ones the lab exports: a metric
 * renamed or relabelled in code (or a label misspelt in the docs) fails here. Metrics exported only
 * by replicas or agents are documented as such and are not in a lab's exposition.
 */
class DocumentedMetricsIT {

    /** A row of the metrics table: | `name` | labels | meaning |, or | `a`, `b` | | meaning |. */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (`houston_[^|]+?) \\|\\s*([a-z_, ]*?)\\s*\\| (.*) \\|$");
    private static final Pattern ONLY_WHEN = Pattern.compile("(replicas|`[a-z.-]+`) only");
    private static final Pattern NAME = Pattern.compile("`(houston_[a-z_]+)`");
    /** Inline in prose: `houston_x_total{a,b}`. */
    private static final Pattern INLINE = Pattern.compile("`(houston_[a-z_]+)\\{([a-z_,]*)}`");
    private static final Pattern SERIES = Pattern.compile("^(houston_[a-z_]+?)(_bucket|_count|_sum|_max)?(\\{([^}]*)})? ");

    @TempDir
    Path dir;

    private Lab lab;

    @BeforeEach
    void start() throws Exception {
        lab = Lab.start(HoustonConfigLoader.load(null), 0, dir.resolve("journal"), new PrintStream(PrintStream.nullOutputStream()));
    }

    @AfterEach
    void stop() throws Exception {
        lab.close();
    }

    @Test
    void everyDocumentedMetricHasTheDocumentedLabels() throws Exception {
        Map<String, Set<String>> documented = new TreeMap<>();
        Set<String> elsewhere = new TreeSet<>();
        for (Path doc : List.of(Path.of("..", "docs", "operations.md"), Path.of("..", "docs", "architecture.md"))) {
            for (String line : Files.readAllLines(doc)) {
                read(line, documented, elsewhere);
            }
        }
        // Probe outcomes are labelled by outcome: they exist once the first probes have answered.
        Eventually.await(Duration.ofSeconds(30), () -> scrape().contains("houston_probe_results_total{"));
        Map<String, Set<String>> exported = exported(scrape());

        Map<String, Set<String>> expected = new TreeMap<>();
        Map<String, Set<String>> actual = new TreeMap<>();
        documented.forEach((name, labels) -> {
            if (!elsewhere.contains(name)) {
                expected.put(name, labels);
                actual.put(name, exported.get(name));
            }
        });
        assertTrue(expected.size() > 25, "the docs list the daemon's metrics: " + expected.keySet());
        assertEquals(expected, actual, "documented labels (left) against the lab's /metrics (right; null: not exported)");
    }

    @Test
    void everyMetricTheLabExportsIsDocumented() throws Exception {
        Map<String, Set<String>> documented = new TreeMap<>();
        for (Path doc : List.of(Path.of("..", "docs", "operations.md"), Path.of("..", "docs", "architecture.md"))) {
            for (String line : Files.readAllLines(doc)) {
                read(line, documented, new TreeSet<>());
            }
        }
        Eventually.await(Duration.ofSeconds(30), () -> scrape().contains("houston_probe_results_total{"));

        Set<String> undocumented = new TreeSet<>(exported(scrape()).keySet());
        undocumented.removeAll(documented.keySet());

        assertEquals(Set.of(), undocumented, "exported by the lab, missing from docs/operations.md's metrics table");
    }

    private static void read(String line, Map<String, Set<String>> documented, Set<String> elsewhere) {
        Matcher row = TABLE_ROW.matcher(line);
        if (row.matches()) {
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                documented.put(name.group(1), labels(row.group(2).replace(" ", "")));
                // "replicas only", "`houston.signals.prometheus` only": a lab (one daemon, no signed intake, no
                // Prometheus signals) does not export them; their own tests do.
                if (ONLY_WHEN.matcher(row.group(3)).lookingAt()) {
                    elsewhere.add(name.group(1));
                }
            }
            return;
        }
        Matcher inline = INLINE.matcher(line);
        while (inline.find()) {
            documented.merge(inline.group(1), labels(inline.group(2)), (a, b) -> {
                assertEquals(a, b, inline.group(1) + " is documented with two label sets");
                return a;
            });
        }
        if (line.contains("on agents")) {
            Matcher agent = NAME.matcher(line.substring(line.indexOf("on agents")));
            while (agent.find()) {
                elsewhere.add(agent.group(1));
            }
        }
    }

    private static Set<String> labels(String list) {
        Set<String> labels = new TreeSet<>();
        for (String l : list.split(",")) {
            if (!l.isBlank()) {
                labels.add(l.strip());
            }
        }
        return labels;
    }

    private String scrape() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + lab.daemon().port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Metric name (without _bucket/_count/_sum/_max) → its label names, {@code le} left out. */
    private static Map<String, Set<String>> exported(String exposition) {
        Map<String, Set<String>> exported = new TreeMap<>();
        for (String line : exposition.lines().toList()) {
            Matcher m = SERIES.matcher(line);
            if (!m.find()) {
                continue;
            }
            Set<String> labels = new TreeSet<>();
            if (m.group(4) != null) {
                for (String pair : new ArrayList<>(List.of(m.group(4).split(",(?=[a-z_]+=)")))) {
                    labels.add(pair.substring(0, pair.indexOf('=')));
                }
            }
            // Histogram buckets and summary quantiles are how the type is exposed, not labels of the metric.
            labels.remove("le");
            labels.remove("quantile");
            exported.merge(m.group(1), labels, (a, b) -> {
                a.addAll(b);
                return a;
            });
        }
        return exported;
    }
}
