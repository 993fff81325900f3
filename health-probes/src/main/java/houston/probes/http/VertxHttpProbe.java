package houston.probes.http;

import houston.core.config.ProbeConfig;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Probes one target as a visitor would, over Vert.x's non-blocking HTTP client.
 *
 * <p>Every probe opens its own connection (connect, TLS handshake, request), so each one tests
 * the whole path a new visitor takes. Every probe completes — with an observation, never a failed future — within the request
 * timeout plus scheduling noise: a whole-request timer resets the request when it fires, so a
 * server that accepts and never answers, or drips a byte a second, is a TIMEOUT. At most
 * {@code maxBodyBytes} of a body are kept; past that the request is reset, so a 1 GiB answer
 * costs 64 KiB of memory and one connection.
 */
public final class VertxHttpProbe implements AutoCloseable {

    private static final String USER_AGENT = "houston-probe/0.1 (+https://github.com/houston)";

    private final Vertx vertx;
    private final HttpClient client;
    private final ProbeConfig config;
    private final Clock clock;

    /**
     * @param trust extra trust anchors for HTTPS (null: the JDK's default CAs)
     */
    public VertxHttpProbe(Vertx vertx, ProbeConfig config, TrustOptions trust, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setForceSni(true)
                .setVerifyHost(true)
                // A fresh connection per probe, as a new visitor makes: a reused one would not notice a
                // dead listener or a changed (expired, wrong) certificate until it happened to close.
                .setKeepAlive(false);
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.maxInFlight()));
    }

    /** Probes {@code target} from {@code vantage}; the future always succeeds. */
    public Future<ProbeResult> probe(String vantage, ProbeTarget target) {
        Attempt attempt = new Attempt(vantage, target);
        // The whole attempt runs on one event loop: the response's handlers are then attached in the
        // same turn that receives its head, before any of its body can be delivered (and lost).
        if (Vertx.currentContext() != null) {
            attempt.start();
        } else {
            vertx.getOrCreateContext().runOnContext(v -> attempt.start());
        }
        return attempt.done.future();
    }

    @Override
    public void close() {
        client.close();
    }

    /** The state of one probe: at most one completion, whatever fires first. */
    private final class Attempt {
        final String vantage;
        final ProbeTarget target;
        final Promise<ProbeResult> done = Promise.promise();
        final AtomicBoolean finished = new AtomicBoolean();
        final Instant at = clock.instant();
        final long startNanos = System.nanoTime();
        final Buffer body = Buffer.buffer();
        volatile HttpClientRequest request;
        volatile long received;
        long timer;

        Attempt(String vantage, ProbeTarget target) {
            this.vantage = vantage;
            this.target = target;
        }

        void start() {
            timer = vertx.setTimer(config.timeout().toMillis(), id -> {
                String phase = request == null ? "waiting for a connection" : "waiting for the answer";
                if (finish(Outcome.TIMEOUT, "no complete answer within " + config.timeout().toMillis() + "ms ("
                        + phase + ")")) {
                    HttpClientRequest r = request;
                    if (r != null) {
                        r.reset();
                    }
                }
            });
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.GET)
                    .setServer(SocketAddress.inetSocketAddress(target.port(), target.address()))
                    .setHost(target.site())
                    .setPort(target.port())
                    .setSsl(target.tls())
                    .setURI(target.path())
                    .putHeader("User-Agent", USER_AGENT)
                    .putHeader("Cache-Control", "no-cache");
            client.request(options)
                    .onSuccess(req -> {
                        request = req;
                        // Listen for the response before sending, so nothing arrives unhandled.
                        req.response().onSuccess(this::read).onFailure(this::failed);
                        req.end().onFailure(this::failed);
                    })
                    .onFailure(this::failed);
        }

        private void failed(Throwable e) {
            finish(FailureClassifier.classify(e), FailureClassifier.describe(e));
        }

        private void read(HttpClientResponse response) {
            if (!target.check().needsBody()) {
                judge(response);
                response.request().reset();
                return;
            }
            response.exceptionHandler(this::failed);
            response.handler(chunk -> {
                received += chunk.length();
                int room = config.maxBodyBytes() - body.length();
                if (room > 0) {
                    body.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
                }
                if (body.length() >= config.maxBodyBytes() && judge(response)) {
                    // Read no further: the cap is what we keep, whatever the server still has to send.
                    response.request().reset();
                }
            });
            response.endHandler(v -> judge(response));
        }

        private boolean judge(HttpClientResponse response) {
            Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
            Outcome outcome = target.check().judge(response.statusCode(), response::getHeader,
                    body.toString(StandardCharsets.UTF_8), latency, config.latencyObjective());
            return finish(outcome, "status " + response.statusCode());
        }

        private boolean finish(Outcome outcome, String detail) {
            if (!finished.compareAndSet(false, true)) {
                return false;
            }
            vertx.cancelTimer(timer);
            Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
            Observation observation = new Observation(vantage, target.location(), target.site(), at, outcome, latency);
            done.complete(new ProbeResult(observation, received, body.length(), detail));
            return true;
        }
    }
}
