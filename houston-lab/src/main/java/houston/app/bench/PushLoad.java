package houston.app.bench;

import houston.probes.intake.HmacAuth;
import houston.probes.intake.ObservationCodec;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Signed {@code POST /v1/observations} batches at the limits the daemon accepts ({@link ObservationCodec#MAX_BATCH}
 * observations each), several in parallel: the load an agent fleet or a hostile holder of the token can send.
 * A refused batch with {@code Retry-After} is sent again after that long, as an agent does; an unreachable
 * daemon costs a second's pause.
 */
public final class PushLoad {

    private final URI endpoint;
    private final HmacAuth signer;
    private final String vantage;
    private final List<String> locations;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    public PushLoad(int port, byte[] secret, String vantage, List<String> locations) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/v1/observations");
        this.signer = new HmacAuth(secret, Duration.ofSeconds(60), Clock.systemUTC(), 1);
        this.vantage = vantage;
        this.locations = locations;
    }

    /** Sends {@code batches} batches of {@code size} observations, {@code parallel} at a time; waits for all. */
    public void send(int batches, int size, int parallel, Duration timeout) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        for (int i = 0; i < batches; i++) {
            pool.execute(() -> sendOne(size));
        }
        pool.shutdown();
        if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
    }

    private void sendOne(int size) {
        byte[] body = body(size);
        for (int attempt = 0; attempt < 20; attempt++) {
            long ts = Instant.now().getEpochSecond();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                        .header(HmacAuth.TIMESTAMP, String.valueOf(ts))
                        .header(HmacAuth.SIGNATURE, signer.sign(ts, body))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                count(r.statusCode());
                var retry = r.headers().firstValue("Retry-After");
                if (retry.isEmpty()) {
                    return;
                }
                Thread.sleep(Long.parseLong(retry.get()) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                count(-1);
                // Unreachable (a restart): back off as an agent does rather than spin building batches.
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }

    private byte[] body(int size) {
        // Each batch differs (its target names), so no two signatures are the same: none is refused as a replay.
        int n = sequence.incrementAndGet();
        String at = Instant.now().toString();
        StringBuilder json = new StringBuilder(size * 110).append("{\"vantage\":\"").append(vantage)
                .append("\",\"observations\":[");
        for (int i = 0; i < size; i++) {
            json.append(i == 0 ? "" : ",").append("{\"location\":\"").append(locations.get(i % locations.size()))
                    .append("\",\"target\":\"canary-").append(n).append('-').append(i).append(".example\",\"at\":\"")
                    .append(at).append("\",\"outcome\":\"ok\",\"latencyMs\":").append(i % 900).append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void count(int status) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** Answers by HTTP status (-1: no answer: refused, reset or timed out). */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> copy = new java.util.TreeMap<>();
        statuses.forEach((s, n) -> copy.put(s, n.sum()));
        return copy;
    }
}
