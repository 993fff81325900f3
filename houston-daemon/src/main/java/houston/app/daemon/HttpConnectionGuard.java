package houston.app.daemon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the daemon's HTTP server from spending the descriptors its probes need. At most
 * {@code maxConnections} connections are open (one more is accepted and closed at once, counted as
 * refused), and at most {@code maxPerClient} from one client address, so one client holding idle or
 * slow connections cannot lock every other client (agents, Slack, operators) out; a connection must complete its first request's headers within {@code headerTimeout} of
 * opening (idle and slow-header clients are closed), and each next one within {@code idleTimeout} of
 * its previous answer (a keep-alive client gets the longer grace: clients reuse idle connections
 * without expecting them closed); a connection silent for {@code idleTimeout} mid-request is closed
 * by Vert.x itself, and a request's body must arrive whole within {@code idleTimeout} of its headers
 * (one byte every few seconds is not silence). The cap is also kept well
 * under the process's descriptor limit, leaving probes and the journal a share of their own.
 * A request whose body the codec cannot read (a malformed chunk) fails its connection: the request in
 * progress gets the JSON 400 every refusal gets and the log one line, where Vert.x would log a stack
 * trace and close the connection without a reply.
 */
final class HttpConnectionGuard {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HttpConnectionGuard.class);

    /** Descriptors kept for everything but the API: the JVM's own files, the journal, DNS, Slack, scalers. */
    static final int RESERVED_DESCRIPTORS = 256;

    private final Vertx vertx;
    private final int maxConnections;
    private final int maxPerClient;
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final long headerTimeoutMs;
    private final Duration idleTimeout;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<HttpConnection, Long> deadlines = new ConcurrentHashMap<>();
    private final Map<HttpConnection, HttpServerRequest> inProgress = new ConcurrentHashMap<>();
    private final Counter refused;
    private final Counter timedOut;

    HttpConnectionGuard(Vertx vertx, int maxConnections, int maxPerClient, Duration headerTimeout, Duration idleTimeout,
                        MeterRegistry registry) {
        this.vertx = vertx;
        this.maxConnections = maxConnections;
        this.maxPerClient = Math.min(maxPerClient, maxConnections);
        this.headerTimeoutMs = headerTimeout.toMillis();
        this.idleTimeout = idleTimeout;
        this.refused = Counter.builder("houston.http.connections.refused")
                .description("API connections closed at once: the connection cap, or the client's share of it, was reached")
                .register(registry);
        this.timedOut = Counter.builder("houston.http.connections.timed.out")
                .description("API connections closed for not sending a request's headers, or its whole body, in time").register(registry);
        io.micrometer.core.instrument.Gauge.builder("houston.http.connections.open", open, AtomicInteger::get)
                .description("API connections open now").register(registry);
    }

    /**
     * The connection cap for this process: the configured one, but never more than the descriptor
     * limit leaves after the probes' {@code probesInFlight} and {@link #RESERVED_DESCRIPTORS}.
     */
    static int cap(int configured, int probesInFlight) {
        long limit = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
        long left = limit - probesInFlight - RESERVED_DESCRIPTORS;
        return (int) Math.max(16, Math.min(configured, left));
    }

    int maxConnections() {
        return maxConnections;
    }

    HttpServerOptions options() {
        // HTTP/1.1 only: one request at a time per connection is what the header deadline is about, and
        // nothing of the API gains from h2c.
        return new HttpServerOptions().setIdleTimeout((int) idleTimeout.toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setHttp2ClearTextEnabled(false);
    }

    /**
     * Installs the cap and the deadlines on {@code server}, around {@code router}. The next request's
     * deadline is armed by a route of the guard's own, first on the router: vertx-web gives a route's
     * end handlers the response's one end handler, so one set on the response directly was dropped by
     * the first route that registered its own (the intake's, the lab's), and a keep-alive client could
     * then trickle its next request's headers for as long as it liked.
     */
    HttpServer install(HttpServer server, Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            long body = bodyDeadline(vertx, request, idleTimeout, "");
            // Every 408 this server writes is counted here: the guard's body deadline, and a route's own
            // stricter one (the lab's writes).
            ctx.addHeadersEndHandler(v -> {
                if (ctx.response().getStatusCode() == 408) {
                    timedOut.increment();
                }
            });
            ctx.addEndHandler(done -> answered(request, body, done.succeeded()));
            ctx.next();
        });
        return server.connectionHandler(this::connected).requestHandler(request -> {
            HttpConnection connection = request.connection();
            Long timer = deadlines.remove(connection);
            if (timer != null) {
                vertx.cancelTimer(timer);
            }
            inProgress.put(connection, request);
            String framing = ambiguousFraming(request);
            if (framing != null) {
                log.debug("{} {} from {} refused: {}", request.method(), request.path(), request.remoteAddress(), framing);
                DaemonHttp.refuseAndClose(request, 400, framing);
                return;
            }
            router.handle(request);
        });
    }

    /**
     * Why {@code request}'s body framing is refused, or null: a transfer coding other than chunked, which
     * the codec would read as plain chunked ("gzip, chunked") while a proxy in front may frame it another
     * way (request smuggling). No client of this API sends one. (A Content-Length beside chunked is
     * dropped by the codec before this sees the request, and the body read as chunked.)
     */
    private static String ambiguousFraming(HttpServerRequest request) {
        String coding = request.getHeader(io.vertx.core.http.HttpHeaders.TRANSFER_ENCODING);
        if (coding == null) {
            return null;
        }
        return "chunked".equalsIgnoreCase(coding.strip()) ? null
                : "Transfer-Encoding " + houston.app.config.TerminalText.escaped(coding.length() > 40
                        ? coding.substring(0, 40) + "…" : coding) + " (expected: chunked)";
    }

    /** {@code request} is answered (or its connection closed under it): the next one gets the idle timeout. */
    private void answered(HttpServerRequest request, long bodyTimer, boolean sent) {
        vertx.cancelTimer(bodyTimer);
        HttpConnection connection = request.connection();
        // By connection, not by request: the router's request is a wrapper of the one the server handed us.
        inProgress.remove(connection);
        if (sent) {
            arm(connection, idleTimeout.toMillis());
        }
    }

    private void connected(HttpConnection connection) {
        String client = connection.remoteAddress() == null ? "?" : connection.remoteAddress().hostAddress();
        int fromClient = perClient.merge(client, 1, Integer::sum);
        if (open.incrementAndGet() > maxConnections | fromClient > maxPerClient) {
            open.decrementAndGet();
            release(client);
            refused.increment();
            connection.close();
            return;
        }
        connection.exceptionHandler(failure -> failed(connection, failure));
        connection.closeHandler(closed -> {
            open.decrementAndGet();
            release(client);
            inProgress.remove(connection);
            Long timer = deadlines.remove(connection);
            if (timer != null) {
                vertx.cancelTimer(timer);
            }
        });
        arm(connection, headerTimeoutMs);
    }

    /**
     * A connection failed: the client went away (nothing to answer), or the codec could not read a
     * request's body; the request in progress, if not answered yet, is answered before Vert.x closes it.
     */
    private void failed(HttpConnection connection, Throwable failure) {
        // A connection closed before a request's headers were in (a deadline here, or the client) is a closure,
        // not a malformed request.
        if (failure instanceof java.io.IOException || failure instanceof io.netty.handler.codec.PrematureChannelClosureException) {
            log.debug("API connection from {} failed: {}", connection.remoteAddress(), failure.toString());
            return;
        }
        HttpServerRequest request = inProgress.remove(connection);
        log.warn("malformed HTTP request from {}{}: {}", connection.remoteAddress(),
                request == null ? "" : " (" + request.method() + " " + request.path() + ")", failure.toString());
        if (request != null && !request.response().headWritten()) {
            DaemonHttp.refuseAndClose(request, 400, "malformed HTTP request");
            // Vert.x defers the flush of what is written while it reads until the read completes, and
            // closes the channel before that: closing it ourselves flushes first.
            connection.close();
        }
    }

    /**
     * Refuses {@code request} with a 408 and closes its connection unless its body has arrived whole
     * {@code within} of its headers (or it was answered first). Vert.x closes only a connection
     * silent for the idle timeout, so one body byte every 20 s held a connection, and its client's
     * share of the cap, for as long as the client liked. Returns the timer, -1 when the body is in.
     */
    static long bodyDeadline(Vertx vertx, HttpServerRequest request, Duration within, String hint) {
        if (request.isEnded()) {
            return -1;
        }
        long timer = vertx.setTimer(within.toMillis(), id -> {
            // A handler that began its answer before the body ended has taken the request on: no 408 over it.
            if (!request.isEnded() && !request.response().headWritten() && !request.response().closed()) {
                log.debug("{} {} from {}: body not complete within {}", request.method(), request.path(),
                        request.remoteAddress(), within);
                DaemonHttp.refuseAndClose(request, 408, "request body not complete within " + within.toSeconds()
                        + " s of its headers" + hint);
            }
        });
        // Cancelled once the body is in, not when the answer ends: a route's own end handler replaces the
        // response's, and a timer left running holds the request, and the body its handler buffers, for the
        // whole deadline (pushes at the limits ran the daemon out of heap that way).
        request.end().onComplete(done -> vertx.cancelTimer(timer));
        return timer;
    }

    /** One connection of {@code client} fewer; its entry goes with its last, so the map holds only clients now open. */
    private void release(String client) {
        perClient.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
    }

    private void arm(HttpConnection connection, long timeoutMs) {
        long timer = vertx.setTimer(timeoutMs, id -> {
            if (deadlines.remove(connection, id)) {
                timedOut.increment();
                connection.close();
            }
        });
        Long previous = deadlines.put(connection, timer);
        if (previous != null) {
            vertx.cancelTimer(previous);
        }
    }

    /** Connections open now. */
    int open() {
        return open.get();
    }
}
