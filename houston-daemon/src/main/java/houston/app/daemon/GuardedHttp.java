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
            // Ended: the guard already answered a request the codec could not read (a malformed chunk).
            if (ctx.failure() instanceof io.vertx.core.http.HttpClosedException || ctx.response().closed()
                    || ctx.response().ended()) {
                LOG.debug("request {} {} ended by its client: {}", ctx.request().method(), ctx.request().path(),
                        String.valueOf(ctx.failure()));
                return;
            }
            ctx.next();
        });
    }

    /** The daemon's JSON refusal, then the connection closed: for a request nothing more should be read from. */
    public static void refuseAndClose(io.vertx.core.http.HttpServerRequest request, int status, String reason) {
        DaemonHttp.refuseAndClose(request, status, reason);
    }
}
