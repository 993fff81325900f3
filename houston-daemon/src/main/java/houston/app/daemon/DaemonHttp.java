package houston.app.daemon;

import houston.app.wiring.PrometheusRegistries;
import houston.dns.fallback.HealthEndpointDataPlane;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The daemon's read API: {@code /healthz}, {@code /readyz}, {@code /v1/status},
 * {@code /v1/locations}, {@code /v1/plan}, {@code /v1/decisions}, {@code /metrics} and the status
 * page at {@code /}. Pushes (observations, signals) and Slack routes are mounted by their owners.
 * HEAD works wherever GET does; 404, 405, 413, 400 and 500 answer JSON {@code {"error": reason}}.
 */
final class DaemonHttp {

    /** Alive: a supervisor's liveness probe (Kubernetes, a load balancer). */
    static final String HEALTH_PATH = "/healthz";
    /** Ready once the loop has ticked: a readiness probe. */
    static final String READY_PATH = "/readyz";
    /** Route 53 health checks of the health-endpoint fallback: one per location. */
    static final String DNS_HEALTH_PATH = "/v1/dns-health/";

    private final ControlLoop loop;
    private final StatusView view;
    private final PrometheusMeterRegistry registry;
    /** The data plane as the daemon built it: with replicas the loop acts through a gate around it. */
    private final houston.core.port.DnsDataPlane plane;

    DaemonHttp(ControlLoop loop, PrometheusMeterRegistry registry) {
        this.loop = loop;
        this.view = new StatusView(loop);
        this.registry = registry;
        this.plane = loop.dataPlane();
    }

    /** The data plane the daemon built (not the replicas' gate around it): what the daemon closes. */
    houston.core.port.DnsDataPlane dataPlane() {
        return plane;
    }

    StatusView view() {
        return view;
    }

    void mount(Router router) {
        GuardedHttp.quietWhenClientGone(router);
        // HEAD answers as GET does, headers only (Vert.x leaves the body out for a HEAD request).
        router.route().handler(ctx -> {
            if (ctx.request().method() == HttpMethod.HEAD) {
                ctx.reroute(HttpMethod.GET, ctx.request().path());
            } else {
                ctx.next();
            }
        });
        GuardedHttp.jsonErrors(router, path -> "no such endpoint: " + path
                + " (see /v1/status, /v1/locations, /v1/plan, /v1/decisions)", "the daemon's");
        router.get(HEALTH_PATH).handler(ctx -> ctx.response().end("ok"));
        router.get(READY_PATH).handler(ctx -> ctx.response().setStatusCode(loop.state().tick() > 0 ? 200 : 503)
                .end(loop.state().tick() > 0 ? "ready" : "not ticked yet"));
        router.get("/v1/status").handler(ctx -> json(ctx, view.status().encodePrettily()));
        router.get("/v1/locations").handler(ctx -> json(ctx, view.locations().encodePrettily()));
        router.get("/v1/plan").handler(ctx -> json(ctx, view.plan().encodePrettily()));
        router.get("/v1/decisions").handler(ctx -> json(ctx, view.decisions().encodePrettily()));
        router.get(DNS_HEALTH_PATH + ":location").handler(this::dnsHealth);
        PrometheusRegistries.mountMetrics(router, registry);
        router.get("/").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .end(StatusPage.HTML));
    }

    /**
     * What Route 53's health checks read with {@code houston.dns.fallback = health-endpoint}: 200
     * unless this replica's data plane evacuates the location (503). Unknown locations are 404,
     * so a typo in a health check shows as a failing check and not as a silent evacuation.
     */
    private void dnsHealth(RoutingContext ctx) {
        String location = ctx.pathParam("location");
        if (!loop.engine().topology().ids().contains(location)) {
            error(ctx, 404, "no such location: " + location);
        } else if (plane instanceof HealthEndpointDataPlane endpoint && !endpoint.healthy(location)) {
            ctx.response().setStatusCode(503).end(location + " evacuated through the DNS fallback");
        } else {
            ctx.response().end(location + " serving");
        }
    }

    /** Every refusal the router itself makes, as JSON with a reason: no HTML page, no stack trace. */
    private static void error(RoutingContext ctx, int status, String reason) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", reason).encode());
        }
    }

    /**
     * What the HTTP codec refuses before any route sees it (a request line or headers past their limits,
     * a request that is not HTTP): the same JSON error as every other refusal, where Vert.x's own
     * handler answers the status with an empty body. The connection is closed after it: the codec
     * cannot tell where the next request would start.
     */
    static void invalidRequest(io.vertx.core.http.HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        int status = 400;
        String reason = "malformed HTTP request";
        if (cause instanceof io.netty.handler.codec.TooLongFrameException && message.startsWith("An HTTP line is larger")) {
            status = 414;
            reason = "request line too long";
        } else if (cause instanceof io.netty.handler.codec.TooLongFrameException) {
            status = 431;
            reason = "request headers too large";
        }
        refuseAndClose(request, status, reason);
    }

    /** The JSON refusal, then the connection closed: after a codec failure nothing more on it can be read. */
    static void refuseAndClose(io.vertx.core.http.HttpServerRequest request, int status, String reason) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Connection", "close").end(new JsonObject().put("error", reason).encode())
                .onComplete(done -> request.connection().close());
    }

    private static void json(RoutingContext ctx, String body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body);
    }
}
