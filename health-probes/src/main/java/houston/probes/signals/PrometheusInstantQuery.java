package houston.probes.signals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus's instant query ({@code GET /api/v1/query}) through the Vert.x web client: the samples
 * of a vector (with their labels) or a scalar. A failure says what a human can act on: the URL and
 * HTTP status, Prometheus's own error text, or the result type it did not expect. NaN samples are
 * left out (a rate over no data), so an empty list means "no value now", never a guess.
 */
public final class PrometheusInstantQuery implements AutoCloseable {

    /** One sample: its labels ({@code metric}) and value. */
    public record Sample(Map<String, String> labels, double value) {
    }

    private final WebClient client;
    private final URI prometheus;

    public PrometheusInstantQuery(Vertx vertx, URI prometheus) {
        this.client = WebClient.create(vertx);
        this.prometheus = prometheus;
    }

    /** The samples {@code expr} evaluates to now; fails after {@code timeout} or on any answer but success. */
    public Future<List<Sample>> samples(String expr, Duration timeout) {
        boolean tls = "https".equals(prometheus.getScheme());
        int port = prometheus.getPort() > 0 ? prometheus.getPort() : tls ? 443 : 80;
        String path = (prometheus.getPath() == null ? "" : prometheus.getPath().replaceAll("/$", "")) + "/api/v1/query";
        return client.get(port, prometheus.getHost(), path).ssl(tls).addQueryParam("query", expr)
                .timeout(timeout.toMillis()).send()
                .recover(e -> Future.failedFuture(new IllegalStateException("no answer from " + prometheus + path
                        + " within " + timeout.toMillis() + "ms: " + e.getMessage(), e)))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + " from " + prometheus + path);
                    }
                    return samples(response.bodyAsJsonObject());
                });
    }

    static List<Sample> samples(JsonObject body) {
        if (body == null || !"success".equals(body.getString("status"))) {
            throw new IllegalStateException("Prometheus answered " + (body == null ? "no JSON" : body.getString("error")));
        }
        JsonObject data = body.getJsonObject("data");
        String type = data.getString("resultType");
        List<Sample> out = new ArrayList<>();
        if ("scalar".equals(type)) {
            add(out, Map.of(), data.getJsonArray("result"));
        } else if ("vector".equals(type)) {
            for (Object o : data.getJsonArray("result")) {
                JsonObject series = (JsonObject) o;
                Map<String, String> labels = new HashMap<>();
                JsonObject metric = series.getJsonObject("metric", new JsonObject());
                metric.forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue())));
                add(out, labels, series.getJsonArray("value"));
            }
        } else {
            throw new IllegalStateException("result type " + type + " (expected: vector or scalar)");
        }
        return out;
    }

    private static void add(List<Sample> out, Map<String, String> labels, JsonArray sample) {
        double v = Double.parseDouble(sample.getString(1));
        if (!Double.isNaN(v)) {
            out.add(new Sample(Map.copyOf(labels), v));
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
