package houston.app.bench;

import houston.probes.intake.HmacAuth;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code houston bench soak}: the real {@code houston run} (launcher heap cap, descriptor limit 1024)
 * for some minutes with signed pushes at the accepted limits, idle and slow-header connection floods,
 * and a SIGKILL + restart every 30 s during an evacuation with an operator pin set. Reports failed
 * restarts, lost overrides, missed ticks, peak RSS and API p99, and calls the run INVALID on any failure.
 */
public final class SoakBench {

    private static final String SECRET = "houston-soak-bench-shared-secret-0123";
    private static final Duration KILL_EVERY = Duration.ofSeconds(30);

    private SoakBench() {
    }

    /** Runs for {@code minutes}, a SIGKILL every 30 s; returns the report (also printed to {@code out}). */
    public static SoakReport run(PrintWriter out, double minutes) throws Exception {
        return run(out, minutes, KILL_EVERY);
    }

    /** Runs for {@code minutes}, a SIGKILL every {@code killEvery}; returns the report (also printed to {@code out}). */
    public static SoakReport run(PrintWriter out, double minutes, Duration killEvery) throws Exception {
        Path dir = Files.createTempDirectory("houston-soak");
        Vertx vertx = Vertx.vertx();
        AtomicBoolean broken = new AtomicBoolean();
        try {
            HttpServer siteA = site(vertx, broken);
            HttpServer siteB = site(vertx, new AtomicBoolean());
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path conf = config(dir, port, siteA.actualPort(), siteB.actualPort());
            SoakReport report = new SoakReport();
            SoakDriver driver = new SoakDriver(port, report);
            int incarnation = 0;
            HoustonProcess daemon = start(conf, dir, incarnation++, report);
            broken.set(true);
            driver.awaitEvacuated(Duration.ofSeconds(30));
            driver.command(SECRET, "pin lab-b healthy for 2h");
            if (!driver.awaitPin(Duration.ofSeconds(10))) {
                report.failures.add("the pin did not show in /v1/status before the first kill");
            }
            driver.startLoad(SECRET);
            // The soak's minutes count from here: the evacuation is live and the pin set.
            long end = System.nanoTime() + (long) (minutes * 60e9);
            while (System.nanoTime() < end) {
                long killAt = System.nanoTime() + killEvery.toNanos();
                driver.watchTicks();
                while (System.nanoTime() < Math.min(killAt, end)) {
                    report.peakRssKb = Math.max(report.peakRssKb, daemon.peakRssKb());
                    driver.sample();
                    if (!daemon.alive()) {
                        report.unexpectedExits++;
                        break;
                    }
                }
                driver.endTicks();
                if (System.nanoTime() >= end) {
                    break;
                }
                daemon.kill();
                report.kills++;
                daemon = start(conf, dir, incarnation++, report);
                if (daemon != null && !driver.awaitPin(Duration.ofSeconds(10))) {
                    report.overridesLost++;
                }
                if (daemon == null) {
                    daemon = start(conf, dir, incarnation++, report);
                }
            }
            driver.stop();
            if (daemon != null) {
                report.peakRssKb = Math.max(report.peakRssKb, daemon.peakRssKb());
                report.finalExit = daemon.terminate(Duration.ofSeconds(60));
            }
            report.minutes = minutes;
            report.killEverySeconds = killEvery.toSeconds();
            report.print(out);
            if (report.valid()) {
                deleteTree(dir);
            } else {
                out.println("  logs and journal kept in " + dir);
                out.flush();
            }
            return report;
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Starts one incarnation; a restart that does not come up within 60 s counts as failed (null). */
    private static HoustonProcess start(Path conf, Path dir, int incarnation, SoakReport report) throws Exception {
        try {
            return HoustonProcess.run(conf, dir.resolve("run-" + incarnation + ".log"), 1024, Duration.ofSeconds(60));
        } catch (java.io.IOException e) {
            report.restartsFailed++;
            report.failures.add("incarnation " + incarnation + ": " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private static HttpServer site(Vertx vertx, AtomicBoolean broken) throws Exception {
        return vertx.createHttpServer().requestHandler(r -> {
            if (broken.get()) {
                r.response().setStatusCode(503).end("down");
            } else {
                r.response().end("<p>houston-canary</p>");
            }
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    /** Two loopback locations, each other's only receiver; lab-a breaks and stays evacuated (up-hold 1h). */
    private static Path config(Path dir, int port, int portA, int portB) throws java.io.IOException {
        String location = """
                  %s { name = %s, latitude = 0, longitude = %d, edges = ["127.0.0.1:%d"], peak-demand-rps = 100,
                       capacity { instances = 2, rps-per-instance = 100, min-instances = 1, max-instances = 8,
                                  target-utilisation = 0.6, scale-up-lead-time = 1s } }
                """;
        Files.writeString(dir.resolve("token"), SECRET);
        Path conf = dir.resolve("soak.conf");
        Files.writeString(conf, "houston.topology.include-default-locations = false\n"
                + "houston.topology.locations {\n" + location.formatted("lab-a", "a", 1, portA)
                + location.formatted("lab-b", "b", 2, portB) + "}\n"
                + "houston.health { vantages = [here], quorum = 1, window = 1s, min-samples = 3 }\n"
                + "houston.hysteresis { down-hold = 500ms, up-hold = 1h }\n"
                + "houston.planner { receivers = 1, max-receivers = 1 }\n"
                + "houston.safety { max-evacuated = 1, min-serving = 1, fail-static-fraction = 1.0 }\n"
                + "houston.probes { interval = 200ms, jitter = 20ms }\n"
                + "houston.probes.sites = [{ host = canary.test, tls = false, port = 80, marker = houston-canary }]\n"
                + "houston.http { port = " + port + ", max-connections = 200, header-timeout = 2s }\n"
                + "houston.api.token-file = \"" + dir.resolve("token") + "\"\n"
                + "houston.journal.dir = \"" + dir.resolve("journal") + "\"\n"
                + "houston.dns { provider = file, file = \"" + dir.resolve("zone.json") + "\", poll-interval = 50ms }\n"
                + "houston.scaler.lab.lead-time-scale = 0.01\n");
        return conf;
    }

    /** Signs a request body the way agents and operators do. */
    static java.util.Map<String, String> sign(String secret, String body) {
        HmacAuth auth = new HmacAuth(secret.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60), Clock.systemUTC(), 1);
        long ts = Instant.now().getEpochSecond();
        return java.util.Map.of(HmacAuth.TIMESTAMP, String.valueOf(ts), HmacAuth.SIGNATURE,
                auth.sign(ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    static String machine() {
        return String.format(Locale.ROOT, "%d cores, %d MB RAM, %s %s, %s %s", Runtime.getRuntime().availableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() >> 20, System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }
}
