package houston.app.bench;

import houston.core.config.ProbeConfig;
import houston.core.health.Outcome;
import houston.probes.http.ProbeTarget;
import houston.probes.http.ResponseJudge;
import houston.probes.http.VertxHttpProbe;
import houston.probes.metrics.ProbeMetrics;
import houston.probes.schedule.ProbeScheduler;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Houston's side of {@code houston bench probes}: {@code targets} canary targets spread over the
 * benchmark servers, each probed every {@code interval}, through the production probe and
 * scheduler. Measures results per second, CPU per 1,000 probes and p99 scheduling lag over a
 * window that starts after a warm-up.
 */
final class ProbeBenchmark {

    private ProbeBenchmark() {
    }

    static ProbeThroughput run(List<Integer> ports, int targetCount, Duration interval, Duration warmUp, Duration window)
            throws Exception {
        ProbeConfig config = new ProbeConfig(interval, Duration.ofMillis(Math.max(1, interval.toMillis() / 10)),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(800), 64 * 1024, 4096);
        List<ProbeTarget> targets = new ArrayList<>();
        ResponseJudge judge = ResponseJudge.substring(Set.of(200), BenchTargets.MARKER);
        for (int i = 0; i < targetCount; i++) {
            // 15 locations with 10 canary sites each, like a real deployment, spread over the servers.
            targets.add(new ProbeTarget("bench-" + (i % 15), "site-" + (i % 10) + ".bench", "127.0.0.1",
                    ports.get(i % ports.size()), false, "/", judge));
        }
        Vertx vertx = Vertx.vertx();
        VertxHttpProbe probe = new VertxHttpProbe(vertx, config, null, Clock.systemUTC());
        try {
            measure(vertx, probe, config, targets, warmUp);
            return measure(vertx, probe, config, targets, window);
        } finally {
            probe.close();
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private static ProbeThroughput measure(Vertx vertx, VertxHttpProbe probe, ProbeConfig config,
                                           List<ProbeTarget> targets, Duration window) throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LongAdder results = new LongAdder();
        LongAdder failed = new LongAdder();
        Map<Outcome, LongAdder> byOutcome = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o, new LongAdder());
        }
        ProbeScheduler scheduler = new ProbeScheduler(vertx, probe, config, "bench", targets, o -> {
            results.increment();
            if (o.outcome() != Outcome.OK) {
                failed.increment();
                byOutcome.get(o.outcome()).increment();
            }
        }, new ProbeMetrics(registry, "bench"), Clock.systemUTC(), new SplittableRandom(42));
        scheduler.start();
        // First probes are spread over one interval: measure the steady state after it.
        Thread.sleep(config.interval().toMillis() * 2);
        long done0 = results.sum();
        long bad0 = failed.sum();
        Map<Outcome, Long> before = counts(byOutcome);
        double cpu0 = ProcessCpu.self();
        long t0 = System.nanoTime();
        Thread.sleep(window.toMillis());
        long done = results.sum() - done0;
        long bad = failed.sum() - bad0;
        Map<String, Long> failures = new TreeMap<>();
        counts(byOutcome).forEach((o, n) -> {
            if (n - before.get(o) > 0) {
                failures.put(o.name().toLowerCase(Locale.ROOT), n - before.get(o));
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = ProcessCpu.self() - cpu0;
        scheduler.close();
        double p99 = Double.NaN;
        for (ValueAtPercentile v : registry.get("houston.probe.schedule.lag").timer().takeSnapshot().percentileValues()) {
            if (v.percentile() == 0.99) {
                p99 = v.value(TimeUnit.MILLISECONDS);
            }
        }
        Thread.sleep(2500);
        return new ProbeThroughput("houston", done, bad, seconds, cpu, p99, failures);
    }

    private static Map<Outcome, Long> counts(Map<Outcome, LongAdder> byOutcome) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        byOutcome.forEach((o, n) -> counts.put(o, n.sum()));
        return counts;
    }
}
