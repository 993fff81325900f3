package houston.app.bench;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The soak's clients: API sampling, the pin and its checks, pushes at the limits and connection floods. */
final class SoakDriver {

    private final int port;
    private final SoakReport report;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new java.util.ArrayList<>();
    private long firstTick = -1;
    private long firstAt;
    private long lastTick = -1;
    private long lastAt;

    SoakDriver(int port, SoakReport report) {
        this.port = port;
        this.report = report;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2));
    }

    private JsonObject get(String path) {
        try {
            HttpResponse<String> r = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? new JsonObject(r.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    void awaitEvacuated(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject plan = get("/v1/plan");
            // Null on a replica that follows: only the leader knows what DNS holds.
            Long live = plan == null ? null : plan.getLong("liveGeneration");
            if (live != null && live >= 1) {
                return;
            }
            Thread.sleep(100);
        }
        report.failures.add("lab-a was not evacuated within " + timeout.toSeconds() + " s");
    }

    void command(String secret, String text) throws Exception {
        String body = new JsonObject().put("command", text).put("by", "soak").encode();
        HttpRequest.Builder r = request("/v1/commands").POST(HttpRequest.BodyPublishers.ofString(body));
        SoakBench.sign(secret, body).forEach(r::header);
        HttpResponse<String> answer = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202) {
            report.failures.add("command '" + text + "' answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** Polls /v1/status until lab-b's pin shows; false when it does not within {@code timeout}. */
    boolean awaitPin(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject status = get("/v1/status");
            if (status != null && status.getJsonObject("pins", new JsonObject()).containsKey("lab-b")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Pushes at the accepted limits (6 × 20,000 observations at a time) and floods, until {@link #stop}. */
    void startLoad(String secret) {
        threads.add(loop(() -> {
            PushLoad load = new PushLoad(port, secret.getBytes(StandardCharsets.UTF_8), "here", List.of("lab-b"));
            load.send(6, 20_000, 6, Duration.ofSeconds(60));
            synchronized (report.pushes) {
                load.statuses().forEach((s, n) -> report.pushes.merge(s, n, Long::sum));
            }
        }));
        threads.add(loop(() -> {
            try (ConnectionFlood flood = new ConnectionFlood()) {
                flood.open(port, 1_000, 100);
                flood.hold(Duration.ofSeconds(5));
                report.floodConnections += 1_100;
                if (flood.stillOpen() > 0 && get("/healthz") != null) {
                    report.floodLeftOpen += flood.stillOpen();
                }
            }
            Thread.sleep(5_000);
        }));
    }

    private interface Round {
        void run() throws Exception;
    }

    private Thread loop(Round round) {
        Thread t = new Thread(() -> {
            while (running.get()) {
                try {
                    round.run();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // The daemon is being restarted: the next round will find it again.
                }
            }
        }, "houston-soak-load");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** One GET /v1/status, timed; notes the tick it reports. */
    void sample() throws InterruptedException {
        long started = System.nanoTime();
        JsonObject status = get("/v1/status");
        long took = System.nanoTime() - started;
        if (status == null) {
            report.apiErrors++;
        } else {
            report.apiNanos.add(took);
            long tick = status.getLong("tick");
            if (firstTick < 0) {
                firstTick = tick;
                firstAt = started;
            }
            lastTick = tick;
            lastAt = started;
        }
        Thread.sleep(100);
    }

    void watchTicks() {
        firstTick = -1;
        lastTick = -1;
    }

    /** Ticks one incarnation should have made between the first and last sample (1 s tick) but did not. */
    void endTicks() {
        if (firstTick < 0) {
            return;
        }
        long made = lastTick - firstTick;
        long expected = Math.round((lastAt - firstAt) / 1e9);
        report.ticksSeen += made;
        report.ticksMissed += Math.max(0, expected - made - 1);
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(70_000);
        }
    }
}
