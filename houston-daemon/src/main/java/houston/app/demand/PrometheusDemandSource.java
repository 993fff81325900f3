package houston.app.demand;

import houston.app.config.IntegrationSettings;
import houston.core.engine.Inputs.DemandReading;
import houston.probes.signals.PrometheusInstantQuery;
import houston.probes.signals.PrometheusInstantQuery.Sample;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measured demand per catchment from Prometheus: every interval, one query whose samples carry a
 * {@code location} label, or one query per location, each answering requests/s. Each value read
 * becomes a reading stamped with the time it arrived; the control loop reads the newest per
 * location at every tick ({@link #readings}), stepped and journaled with it. A query that fails or answers
 * nothing gives no reading, so the engine's last one ages past {@code houston.demand.max-age}
 * and it plans on the configured peak — the source never invents a value. Failures are counted
 * in {@code houston_demand_query_errors_total} and logged once per outage, not once per interval.
 */
public final class PrometheusDemandSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PrometheusDemandSource.class);
    static final String LOCATION_LABEL = "location";

    private final Vertx vertx;
    private final PrometheusInstantQuery prometheus;
    private final IntegrationSettings.Demand settings;
    private final Set<String> locations;
    private final Clock clock;
    private final Counter errors;
    private final NewestPerLocation<DemandReading> fresh = new NewestPerLocation<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private long timerId = -1;

    public PrometheusDemandSource(Vertx vertx, IntegrationSettings.Demand settings, Set<String> locations, Clock clock,
                                  MeterRegistry registry) {
        this.vertx = vertx;
        this.prometheus = new PrometheusInstantQuery(vertx, settings.url());
        this.settings = settings;
        this.locations = Set.copyOf(locations);
        this.clock = clock;
        // Registered now, at 0: a counter that appears only with its first failure breaks rate() and alerts on it.
        this.errors = Counter.builder("houston.demand.query.errors").description("Failed measured-demand queries")
                .register(registry);
    }

    public void start() {
        timerId = vertx.setPeriodic(0, settings.interval().toMillis(), id -> readAll());
    }

    /** Runs every query once; completes when all have answered or failed. */
    public Future<Void> readAll() {
        if (!settings.query().isBlank()) {
            return read("query", settings.query(), this::byLocationLabel);
        }
        return Future.join(settings.queries().entrySet().stream()
                .map(q -> read(q.getKey(), q.getValue(), samples -> single(q.getKey(), samples))).toList()).mapEmpty();
    }

    /**
     * The newest reading of every location, at every tick, stamped with when it was measured (the
     * engine ignores it once older than the max-age). Not only the tick after it arrived: a replay
     * that starts at a quiet journal checkpoint, which holds no demand, then plans on the same
     * measurements from its first tick on.
     */
    public List<DemandReading> readings() {
        return fresh.newest();
    }

    private Future<Void> read(String name, String expr, java.util.function.Function<List<Sample>, List<DemandReading>> map) {
        return prometheus.samples(expr, settings.timeout()).map(map).<Void>map(readings -> {
            readings.forEach(r -> fresh.put(r.location(), r));
            if (failing.remove(name)) {
                log.info("demand {}: answering again", name);
            }
            return null;
        }).onFailure(e -> {
            errors.increment();
            if (failing.add(name)) {
                log.warn("demand {}: {} (query: {}); planning falls back to configured peak demand after "
                        + "houston.demand.max-age", name, e.getMessage(), expr);
            }
        });
    }

    private List<DemandReading> byLocationLabel(List<Sample> samples) {
        long at = clock.millis();
        List<DemandReading> out = new ArrayList<>();
        for (Sample s : samples) {
            String location = s.labels().get(LOCATION_LABEL);
            if (location == null) {
                throw new IllegalStateException("a sample without a location label " + s.labels()
                        + " (expected: one series per location, e.g. sum by (location) (...))");
            }
            if (locations.contains(location) && s.value() >= 0) {
                out.add(new DemandReading(location, s.value(), at));
            }
        }
        return out;
    }

    private List<DemandReading> single(String location, List<Sample> samples) {
        if (samples.size() > 1) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%d series (expected: one; aggregate with sum(...))", samples.size()));
        }
        if (samples.isEmpty() || samples.get(0).value() < 0) {
            return List.of();
        }
        return List.of(new DemandReading(location, samples.get(0).value(), clock.millis()));
    }

    @Override
    public void close() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        prometheus.close();
    }
}
