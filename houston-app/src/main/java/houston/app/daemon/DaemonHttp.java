package houston.app.daemon;

import houston.app.wiring.PrometheusRegistries;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The daemon's read API: {@code /healthz}, {@code /readyz}, {@code /v1/status},
 * {@code /v1/locations}, {@code /v1/plan}, {@code /v1/decisions}, {@code /metrics} and the status
 * page at {@code /}. Pushes (observations, signals) and Slack routes are mounted by their owners.
 */
final class DaemonHttp {

    /** Alive: a supervisor's liveness probe (Kubernetes, a load balancer). */
    static final String HEALTH_PATH = "/healthz";
    /** Ready once the loop has ticked: a readiness probe. */
    static final String READY_PATH = "/readyz";

    private final ControlLoop loop;
    private final StatusView view;
    private final PrometheusMeterRegistry registry;

    DaemonHttp(ControlLoop loop, PrometheusMeterRegistry registry) {
        this.loop = loop;
        this.view = new StatusView(loop);
        this.registry = registry;
    }

    StatusView view() {
        return view;
    }

    void mount(Router router) {
        router.get(HEALTH_PATH).handler(ctx -> ctx.response().end("ok"));
        router.get(READY_PATH).handler(ctx -> ctx.response().setStatusCode(loop.state().tick() > 0 ? 200 : 503)
                .end(loop.state().tick() > 0 ? "ready" : "not ticked yet"));
        router.get("/v1/status").handler(ctx -> json(ctx, view.status().encodePrettily()));
        router.get("/v1/locations").handler(ctx -> json(ctx, view.locations().encodePrettily()));
        router.get("/v1/plan").handler(ctx -> json(ctx, view.plan().encodePrettily()));
        router.get("/v1/decisions").handler(ctx -> json(ctx, view.decisions().encodePrettily()));
        PrometheusRegistries.mountMetrics(router, registry);
        router.get("/").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .end(StatusPage.HTML));
    }

    private static void json(RoutingContext ctx, String body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body);
    }
}
