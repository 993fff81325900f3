package houston.probes.metrics;

import houston.core.health.Observation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The probes' Prometheus metrics. Labels are bounded: vantage, location and outcome come from
 * configuration and the outcome enum, never from what a server answered.
 * <ul>
 *   <li>{@code houston_probe_results_total{vantage,location,outcome}}</li>
 *   <li>{@code houston_probe_duration_seconds{vantage,location}} (histogram)</li>
 *   <li>{@code houston_probe_skipped_total{vantage}}: due probes skipped because the vantage was saturated</li>
 *   <li>{@code houston_probes_in_flight{vantage}}</li>
 *   <li>{@code houston_probe_schedule_lag_seconds{vantage}}: how late probes started against their due time</li>
 * </ul>
 */
public final class ProbeMetrics {

    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> results = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> durations = new ConcurrentHashMap<>();

    public ProbeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Observation o) {
        String outcome = o.outcome().name().toLowerCase(Locale.ROOT);
        results.computeIfAbsent(o.vantage() + '\u0000' + o.location() + '\u0000' + outcome,
                k -> Counter.builder("houston.probe.results").description("Probe results by outcome")
                        .tags("vantage", o.vantage(), "location", o.location(), "outcome", outcome).register(registry))
                .increment();
        durations.computeIfAbsent(o.vantage() + '\u0000' + o.location(),
                k -> Timer.builder("houston.probe.duration").description("Probe duration, connect to last byte read")
                        .tags("vantage", o.vantage(), "location", o.location())
                        .serviceLevelObjectives(LATENCY_BUCKETS).register(registry))
                .record(o.latency());
    }

    public Counter skipped(String vantage) {
        return Counter.builder("houston.probe.skipped").description("Due probes skipped: vantage saturated")
                .tag("vantage", vantage).register(registry);
    }

    public void inFlight(String vantage, Supplier<Number> value) {
        Gauge.builder("houston.probes.in.flight", value).description("Probes in flight").tag("vantage", vantage)
                .register(registry);
    }

    public Timer lag(String vantage) {
        return Timer.builder("houston.probe.schedule.lag").description("Probe start minus its due time")
                .tag("vantage", vantage).publishPercentiles(0.5, 0.99).register(registry);
    }

    public void recordLag(Timer timer, long lagMs) {
        timer.record(Math.max(0, lagMs), TimeUnit.MILLISECONDS);
    }
}
