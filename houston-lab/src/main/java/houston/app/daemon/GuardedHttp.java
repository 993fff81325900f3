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
 * It lives in the daemon's package because the guard is package-private there (as houston.app.cli
 * holds the lab's commands beside SettingsCommand); one guard, not a second copy of it.
 */
public final class GuardedHttp {

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
    /** The daemon's JSON refusal, then the connection closed: for a request nothing more should be read from. */
    public static void refuseAndClose(io.vertx.core.http.HttpServerRequest request, int status, String reason) {
        DaemonHttp.refuseAndClose(request, status, reason);
    }
}
