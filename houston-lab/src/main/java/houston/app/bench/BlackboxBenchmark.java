package houston.app.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus's blackbox_exporter (Debian package {@code prometheus-blackbox-exporter}) probing
 * the same benchmark servers with the same check (status 200, body marker), driven as fast as it
 * answers by {@code concurrency} parallel /probe requests. Only the exporter's own CPU time is
 * counted; the driver plays Prometheus's scraper, whose cost is not the prober's.
 */
final class BlackboxBenchmark {

    static final String BINARY = "prometheus-blackbox-exporter";

    private BlackboxBenchmark() {
    }

    /** The exporter's path, or null when it is not installed. */
    static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, BINARY);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static ProbeThroughput run(Path binary, List<Integer> ports, int concurrency, Duration warmUp, Duration window)
            throws Exception {
        Path config = Files.createTempFile("houston-blackbox", ".yml");
        Files.writeString(config, """
                modules:
                  http_canary:
                    prober: http
                    timeout: 2s
                    http:
                      valid_status_codes: [200]
                      fail_if_body_not_matches_regexp: ["%s"]
                """.formatted(BenchTargets.MARKER));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process exporter = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--web.listen-address=127.0.0.1:" + port, "--log.level=error")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Vertx vertx = Vertx.vertx();
        HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(concurrency));
        try {
            awaitUp(client, port);
            drive(client, port, ports, concurrency, warmUp);
            double cpu0 = ProcessCpu.of(exporter.pid());
            long t0 = System.nanoTime();
            long[] counts = drive(client, port, ports, concurrency, window);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = ProcessCpu.of(exporter.pid()) - cpu0;
            java.util.Map<String, Long> failures = new java.util.TreeMap<>();
            if (counts[1] > 0) {
                failures.put("probe_failed", counts[1]);
            }
            if (counts[2] > 0) {
                failures.put("exporter_unreachable", counts[2]);
            }
            return new ProbeThroughput("blackbox_exporter", counts[0], counts[1] + counts[2], seconds, cpu, Double.NaN,
                    failures);
        } finally {
            client.close();
            vertx.close().await(30, TimeUnit.SECONDS);
            exporter.destroy();
            exporter.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(config);
        }
    }

    private static void awaitUp(HttpClientAgent client, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try {
                int status = client.request(HttpMethod.GET, port, "127.0.0.1", "/-/healthy")
                        .compose(r -> r.send().map(res -> res.statusCode())).await(2, TimeUnit.SECONDS);
                if (status == 200) {
                    return;
                }
            } catch (Exception notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("blackbox_exporter did not come up on port " + port);
    }

    /**
     * Runs {@code concurrency} closed loops of /probe until the window ends; returns {probes, failed
     * (probe_success 0: timeout, connect error or failed check, the exporter does not say which),
     * unreachable (the exporter itself did not answer)}.
     */
    private static long[] drive(HttpClientAgent client, int port, List<Integer> ports, int concurrency,
                                Duration window) throws Exception {
        long deadline = System.nanoTime() + window.toNanos();
        AtomicLong probes = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong unreachable = new AtomicLong();
        AtomicLong next = new AtomicLong();
        Future<?>[] loops = new Future<?>[concurrency];
        for (int i = 0; i < concurrency; i++) {
            loops[i] = loop(client, port, ports, deadline, probes, new AtomicLong[]{failed, unreachable}, next);
        }
        Future.join(List.of(loops)).await(window.toSeconds() + 30, TimeUnit.SECONDS);
        return new long[]{probes.get(), failed.get(), unreachable.get()};
    }

    /** {@code failed}: {probe failed, exporter unreachable}. */
    private static Future<Void> loop(HttpClientAgent client, int port, List<Integer> ports, long deadline,
                                     AtomicLong probes, AtomicLong[] failed, AtomicLong next) {
        if (System.nanoTime() >= deadline) {
            return Future.succeededFuture();
        }
        int target = ports.get((int) (next.getAndIncrement() % ports.size()));
        String uri = "/probe?module=http_canary&target=http://127.0.0.1:" + target + "/";
        return client.request(HttpMethod.GET, port, "127.0.0.1", uri)
                .compose(r -> r.send().compose(res -> res.body()))
                .map(body -> {
                    probes.incrementAndGet();
                    if (!body.toString().contains("probe_success 1")) {
                        failed[0].incrementAndGet();
                    }
                    return (Void) null;
                })
                .recover(e -> {
                    probes.incrementAndGet();
                    failed[1].incrementAndGet();
                    return Future.succeededFuture();
                })
                .compose(v -> loop(client, port, ports, deadline, probes, failed, next));
    }
}
