package houston.probes.signals;

import houston.core.health.ServiceSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
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
    private final WebClient client;
    private final URI prometheus;
    private final List<SignalQuery> queries;
    private final Duration interval;
    private final Clock clock;
    private final MeterRegistry registry;
    private long timerId = -1;

    public PrometheusSignalSource(Vertx vertx, URI prometheus, List<SignalQuery> queries, Duration interval, Clock clock,
                                  MeterRegistry registry) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
        this.prometheus = prometheus;
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
        int port = prometheus.getPort() > 0 ? prometheus.getPort() : "https".equals(prometheus.getScheme()) ? 443 : 80;
        String base = prometheus.getPath() == null ? "" : prometheus.getPath().replaceAll("/$", "");
        return client.get(port, prometheus.getHost(), base + "/api/v1/query").ssl("https".equals(prometheus.getScheme()))
                .addQueryParam("query", q.expr()).timeout(10_000).send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    Double value = valueOf(response.bodyAsJsonObject());
                    if (value == null) {
                        return null;
                    }
                    return new ServiceSignal(q.location(), q.service(), q.statusOf(value),
                            String.format(Locale.ROOT, "%s = %.4g (degraded %s %.4g, failing %s %.4g)", q.expr(), value,
                                    q.higherIsWorse() ? ">=" : "<=", q.degraded(), q.higherIsWorse() ? ">=" : "<=", q.failing()),
                            clock.instant());
                })
                .onFailure(e -> {
                    errors(q).increment();
                    log.warn("signal {}@{}: query failed: {}", q.service(), q.location(), e.toString());
                });
    }

    /** The first sample of a vector, or a scalar; null for an empty vector. */
    static Double valueOf(JsonObject body) {
        if (body == null || !"success".equals(body.getString("status"))) {
            throw new IllegalStateException("Prometheus answered " + (body == null ? "no JSON" : body.getString("error")));
        }
        JsonObject data = body.getJsonObject("data");
        String type = data.getString("resultType");
        JsonArray sample;
        if ("scalar".equals(type)) {
            sample = data.getJsonArray("result");
        } else if ("vector".equals(type)) {
            JsonArray result = data.getJsonArray("result");
            if (result.isEmpty()) {
                return null;
            }
            sample = result.getJsonObject(0).getJsonArray("value");
        } else {
            throw new IllegalStateException("result type " + type + " (expected vector or scalar)");
        }
        double v = Double.parseDouble(sample.getString(1));
        return Double.isNaN(v) ? null : v;
    }

    @Override
    public void close() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        client.close();
    }
}
