package houston.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import houston.core.engine.Action.PreScale;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.engine.Inputs.CapacityReading;
import houston.core.port.Scaler;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Scales through a webhook: POST a signed JSON request to {@code scaleUrl}, then poll
 * {@code statusUrl?requestId=…} until it says ready or failed, or {@code readyTimeout} passes.
 *
 * <pre>POST {"requestId":"us-east-2-328","location":"us-east-2","instances":328,"reason":"…","incident":"…"}
 * GET  ?requestId=… → {"status":"pending|ready|failed","readyInstances":300,"detail":"…"}
 * GET  ?location=us-east-2 → {"readyInstances":300}   (what it runs now: {@link #readyInstances})</pre>
 * The request id is location and target, so the receiver can de-duplicate; the same target asked
 * twice while in flight is one request here. A POST answered 5xx or not at all is retried (three
 * attempts, doubling backoff); 4xx fails with the body. A status answered 5xx counts as "not yet".
 */
public final class WebhookScaler implements Scaler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POST_ATTEMPTS = 3;

    private final HttpClient http;
    private final URI scaleUrl;
    private final URI statusUrl;
    private final RequestSigner signer;
    private final Delays delays;
    private final Duration requestTimeout;
    private final Duration pollInterval;
    private final Duration readyTimeout;
    private final Map<String, CompletableFuture<ScaleResult>> inFlight = new HashMap<>();

    public WebhookScaler(HttpClient http, URI scaleUrl, URI statusUrl, RequestSigner signer, Delays delays,
                         Duration requestTimeout, Duration pollInterval, Duration readyTimeout) {
        this.http = http;
        this.scaleUrl = scaleUrl;
        this.statusUrl = statusUrl;
        this.signer = signer;
        this.delays = delays;
        this.requestTimeout = requestTimeout;
        this.pollInterval = pollInterval;
        this.readyTimeout = readyTimeout;
    }

    /** Scaling down is the same request with a smaller target; the receiver decides how to drain. */
    @Override
    public CompletionStage<ScaleResult> scaleDown(houston.core.engine.Action.ScaleDown request) {
        return scale(new PreScale(request.location(), request.instances(), request.reason(), null));
    }

    @Override
    public synchronized CompletionStage<ScaleResult> scale(PreScale request) {
        String requestId = request.location() + "-" + request.instances();
        CompletableFuture<ScaleResult> existing = inFlight.get(requestId);
        if (existing != null) {
            return existing;
        }
        CompletableFuture<ScaleResult> done = new CompletableFuture<>();
        inFlight.put(requestId, done);
        done.whenComplete((r, e) -> forget(requestId));
        byte[] body = body(request, requestId);
        post(request, requestId, body, 1, done);
        return done;
    }

    private synchronized void forget(String requestId) {
        inFlight.remove(requestId);
    }

    private static byte[] body(PreScale request, String requestId) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("requestId", requestId);
        json.put("location", request.location());
        json.put("instances", request.instances());
        json.put("reason", request.reason());
        json.put("incident", request.incident());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void post(PreScale request, String requestId, byte[] body, int attempt, CompletableFuture<ScaleResult> done) {
        HttpRequest.Builder post = HttpRequest.newBuilder(scaleUrl).timeout(requestTimeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signer.headers(body).forEach(post::header);
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        http.sendAsync(post.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            int status = error == null ? response.statusCode() : -1;
            if (status / 100 == 2) {
                poll(request, requestId, deadline, done);
            } else if ((status == -1 || status >= 500) && attempt < POST_ATTEMPTS) {
                delays.after(pollInterval.multipliedBy(1L << (attempt - 1)), () -> post(request, requestId, body, attempt + 1, done));
            } else {
                String why = error != null ? "no answer: " + error : "HTTP " + status + ": " + response.body();
                done.complete(new ScaleResult(request.location(), request.instances(), ScaleStatus.FAILED,
                        "scale request refused after " + attempt + " attempt(s): " + why));
            }
        });
    }

    private void poll(PreScale request, String requestId, long deadline, CompletableFuture<ScaleResult> done) {
        if (System.nanoTime() > deadline) {
            done.complete(new ScaleResult(request.location(), request.instances(), ScaleStatus.TIMED_OUT,
                    "not ready after " + readyTimeout.toSeconds() + "s"));
            return;
        }
        http.sendAsync(status("requestId", requestId), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> {
                    JsonNode json = error == null && response.statusCode() == 200 ? parse(response.body()) : null;
                    String state = json == null ? "pending" : json.path("status").asText("pending");
                    if (state.equals("ready")) {
                        done.complete(new ScaleResult(request.location(), json.path("readyInstances")
                                .asInt(request.instances()), ScaleStatus.READY, json.path("detail").asText("ready")));
                    } else if (state.equals("failed")) {
                        done.complete(new ScaleResult(request.location(), request.instances(), ScaleStatus.FAILED,
                                json.path("detail").asText("failed")));
                    } else {
                        delays.after(pollInterval, () -> poll(request, requestId, deadline, done));
                    }
                });
    }

    /**
     * The instances each location runs ready now: {@code GET statusUrl?location=<id>} answered
     * {@code {"readyInstances":n}}, all asked at once (blocking: call from a worker). A location
     * answered otherwise, or not within the request timeout, is left out: the engine keeps its
     * last reading until that ages out, rather than being told it runs nothing.
     */
    public List<CapacityReading> readyInstances(Collection<String> locations, long now) {
        Map<String, CompletableFuture<HttpResponse<String>>> asked = new TreeMap<>();
        for (String location : locations) {
            asked.put(location, http.sendAsync(status("location", location), HttpResponse.BodyHandlers.ofString()));
        }
        List<CapacityReading> out = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> a : asked.entrySet()) {
            JsonNode json = answered(a.getValue());
            if (json != null && json.path("readyInstances").canConvertToInt() && json.path("readyInstances").asInt() >= 0) {
                out.add(new CapacityReading(a.getKey(), json.path("readyInstances").asInt(), now));
            }
        }
        return out;
    }

    private JsonNode answered(CompletableFuture<HttpResponse<String>> response) {
        try {
            HttpResponse<String> r = response.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return r.statusCode() == 200 ? parse(r.body()) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private HttpRequest status(String parameter, String value) {
        URI uri = URI.create(statusUrl + (statusUrl.getQuery() == null ? "?" : "&") + parameter + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
