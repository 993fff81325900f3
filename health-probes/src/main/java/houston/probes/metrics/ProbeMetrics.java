package houston.probes.metrics;

import houston.core.health.Observation;
import houston.core.health.Outcome;
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
 * One vantage's probe metrics (create one per vantage). Labels are bounded: vantage, location and outcome come from
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
    private final String vantage;
    private final ConcurrentMap<String, LocationMeters> meters = new ConcurrentHashMap<>();

    /** One (vantage, location)'s meters, resolved once: recording a probe is then a map lookup and two adds. */
    private record LocationMeters(Counter[] byOutcome, Timer duration) {
    }

    public ProbeMetrics(MeterRegistry registry, String vantage) {
        this.registry = registry;
        this.vantage = vantage;
    }

    public String vantage() {
        return vantage;
    }

    public void record(Observation o) {
        LocationMeters m = meters.get(o.location());
        if (m == null) {
            m = meters.computeIfAbsent(o.location(), this::register);
        }
        m.byOutcome()[o.outcome().ordinal()].increment();
        m.duration().record(o.latency());
    }

    private LocationMeters register(String location) {
        Counter[] byOutcome = new Counter[Outcome.values().length];
        for (Outcome outcome : Outcome.values()) {
            byOutcome[outcome.ordinal()] = Counter.builder("houston.probe.results").description("Probe results by outcome")
                    .tags("vantage", vantage, "location", location, "outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Timer duration = Timer.builder("houston.probe.duration").description("Probe duration, connect to last byte read")
                .tags("vantage", vantage, "location", location).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        return new LocationMeters(byOutcome, duration);
    }

    public Counter skipped() {
        return Counter.builder("houston.probe.skipped").description("Due probes skipped: vantage saturated")
                .tag("vantage", vantage).register(registry);
    }

    public void inFlight(Supplier<Number> value) {
        Gauge.builder("houston.probes.in.flight", value).description("Probes in flight").tag("vantage", vantage)
                .register(registry);
    }

    public Timer lag() {
        return Timer.builder("houston.probe.schedule.lag").description("Probe start minus its due time")
                .tag("vantage", vantage).publishPercentiles(0.5, 0.99).register(registry);
    }

    public void recordLag(Timer timer, long lagMs) {
        timer.record(Math.max(0, lagMs), TimeUnit.MILLISECONDS);
    }
}
