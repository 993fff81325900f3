package houston.probes.signals;

import houston.core.health.ServiceSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Evaluates each {@link SignalQuery} through the Prometheus HTTP API ({@code GET /api/v1/query})
 * every interval and turns the value into a service signal. A query that fails, or returns no
 * sample, produces no signal: the last one ages out after the signal TTL rather than being
 * guessed. Failures are counted in {@code houston_signal_query_errors_total{service}}.
 */
public final class PrometheusSignalSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PrometheusSignalSource.class);

    private final Vertx vertx;
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    private final PrometheusInstantQuery prometheus;
    private final List<SignalQuery> queries;
    private final Duration interval;
    private final Clock clock;
    private final MeterRegistry registry;
    private long timerId = -1;

    public PrometheusSignalSource(Vertx vertx, URI prometheus, List<SignalQuery> queries, Duration interval, Clock clock,
                                  MeterRegistry registry) {
        this.vertx = vertx;
        this.prometheus = new PrometheusInstantQuery(vertx, prometheus);
        this.queries = List.copyOf(queries);
        this.interval = interval;
        this.clock = clock;
        this.registry = registry;
        // Registered now, at 0: a counter that appears only with its first failure breaks rate() and alerts on it.
        this.queries.forEach(this::errors);
    }

    private Counter errors(SignalQuery q) {
        return Counter.builder("houston.signal.query.errors").description("Failed service-signal queries")
                .tag("service", q.service()).register(registry);
    }

    public void start(Consumer<ServiceSignal> sink) {
        timerId = vertx.setPeriodic(0, interval.toMillis(), id -> evaluateAll(sink));
    }

    /** Evaluates every query once; completes when all have answered or failed. */
    public Future<Void> evaluateAll(Consumer<ServiceSignal> sink) {
        return Future.join(queries.stream().map(q -> evaluate(q).onSuccess(s -> {
            if (s != null) {
                sink.accept(s);
            }
        })).toList()).mapEmpty();
    }

    /** One query's signal, or null when Prometheus had no sample; fails when it cannot be read. */
    public Future<ServiceSignal> evaluate(SignalQuery q) {
        return prometheus.samples(q.expr(), QUERY_TIMEOUT)
                .map(samples -> {
                    if (samples.isEmpty()) {
                        return null;
                    }
                    double value = samples.get(0).value();
                    return new ServiceSignal(q.location(), q.service(), q.statusOf(value),
                            String.format(Locale.ROOT, "%s = %.4g (degraded %s %.4g, failing %s %.4g)", q.expr(), value,
                                    q.higherIsWorse() ? ">=" : "<=", q.degraded(), q.higherIsWorse() ? ">=" : "<=", q.failing()),
                            clock.instant());
                })
                .onFailure(e -> {
                    errors(q).increment();
                    log.warn("signal {}@{}: query failed: {}", q.service(), q.location(), e.getMessage());
                });
    }

    @Override
    public void close() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        prometheus.close();
    }
}
