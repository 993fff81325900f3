package houston.app.daemon;

import houston.app.config.HoustonSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import java.util.concurrent.TimeUnit;

/**
 * An HTTP server guarded as the daemon's own is ({@link HttpConnectionGuard}: the connection cap and
 * each client's share of it, the header and idle deadlines, one-line refusals of malformed requests),
 * for a server of the lab that is not a daemon's: the lab's fault port with replicas. Unguarded, idle
 * connections to it were kept until the process ran out of descriptors and every replica failed.
 * One guard for every Houston server, not a copy of it in the lab.
 */
public final class GuardedHttp {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GuardedHttp.class);

    private GuardedHttp() {
    }

    /** Listens on {@code host:port} with {@code settings.daemon()}'s limits; its counters are the lab's own, not a replica's. */
    public static HttpServer listen(Vertx vertx, HoustonSettings settings, Router router, String host, int port)
            throws Exception {
        var d = settings.daemon();
        HttpConnectionGuard guard = new HttpConnectionGuard(vertx,
                HttpConnectionGuard.cap(d.maxConnections(), settings.probes().maxInFlight()), d.maxConnectionsPerClient(),
                d.headerTimeout(), d.idleTimeout(), new SimpleMeterRegistry());
        return guard.install(vertx.createHttpServer(guard.options()), router)
                .invalidRequestHandler(DaemonHttp::invalidRequest).listen(port, host).await(30, TimeUnit.SECONDS);
    }
    /**
     * A client gone mid-request is no error: BodyHandler fails such a request with status 200, which no
     * error handler takes, so Vert.x logged "Unhandled exception in router" with a stack trace for an
     * ordinary disconnect. Mounted first on a router, before its routes.
     */
    public static void quietWhenClientGone(Router router) {
        router.route().failureHandler(ctx -> {
            if (endedUnder(ctx)) {
                LOG.debug("request {} {} ended by its client: {}", ctx.request().method(), ctx.request().path(),
                        String.valueOf(ctx.failure()));
                return;
            }
            ctx.next();
        });
    }

    /**
     * Every error a router answers, as JSON ({"error": …}), never Vert.x's HTML: a path nothing serves
     * ({@code notFound} says what to try), a method not allowed, a body too large or malformed, and a
     * failure, logged once with its stack trace unless the connection already ended under it (a client
     * gone, or the guard answered a request the codec could not read): then one debug line.
     *
     * @param whose whose log the 500 answer points to ("the daemon's", "the lab's")
     */
    public static void jsonErrors(Router router, java.util.function.Function<String, String> notFound, String whose) {
        router.errorHandler(404, ctx -> error(ctx, 404, notFound.apply(ctx.request().path())));
        router.errorHandler(405, ctx -> error(ctx, 405, "method " + ctx.request().method() + " not allowed on "
                + ctx.request().path()));
        router.errorHandler(413, ctx -> error(ctx, 413, "request body too large"));
        router.errorHandler(400, ctx -> error(ctx, 400, "bad request"));
        router.errorHandler(500, ctx -> {
            if (endedUnder(ctx)) {
                LOG.debug("request {} {} failed after its answer: {}", ctx.request().method(), ctx.request().path(),
                        String.valueOf(ctx.failure()));
                return;
            }
            LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
            error(ctx, 500, "internal error; " + whose + " log says more");
        });
    }

    /**
     * Whether the connection ended under the request: the client went away, or the guard already answered
     * a request the codec could not read (a malformed chunk). Nothing is left to answer, and it is no error.
     */
    private static boolean endedUnder(io.vertx.ext.web.RoutingContext ctx) {
        return ctx.failure() instanceof io.vertx.core.http.HttpClosedException || ctx.response().closed()
                || ctx.response().ended();
    }

    private static void error(io.vertx.ext.web.RoutingContext ctx, int status, String reason) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(new io.vertx.core.json.JsonObject().put("error", reason).encode());
        }
    }

    /**
     * A deadline stricter than the guard's for a route whose bodies are small and sent at once: unless
     * {@code request}'s body is in within {@code within}, a 408 ({@code hint} appended) and the connection
     * closed. Returns the timer to cancel once answered, -1 when the body is in already.
     */
    public static long bodyDeadline(Vertx vertx, io.vertx.core.http.HttpServerRequest request,
                                    java.time.Duration within, String hint) {
        return HttpConnectionGuard.bodyDeadline(vertx, request, within, hint);
    }

    /** The daemon's JSON refusal, then the connection closed: for a request nothing more should be read from. */
    public static void refuseAndClose(io.vertx.core.http.HttpServerRequest request, int status, String reason) {
        DaemonHttp.refuseAndClose(request, status, reason);
    }
}
