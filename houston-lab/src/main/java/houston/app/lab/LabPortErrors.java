package houston.app.lab;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The errors of the lab's own port with replicas answered as a daemon's are, in JSON: without them
 * Vert.x answered in HTML, and a client gone mid-body (an ordinary thing) was logged as
 * "Unhandled exception in router" with a stack trace (see {@link houston.app.daemon.GuardedHttp#quietWhenClientGone}).
 */
final class LabPortErrors {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LabPortErrors.class);

    private LabPortErrors() {
    }

    static void mount(Router router) {
        router.errorHandler(404, ctx -> LabWorld.refuse(ctx, 404, "no such endpoint on the lab's port: "
                + ctx.request().path()
                + " (see /lab/faults, /lab/controllers, /lab/traffic; the API is on the replicas' ports)"));
        router.errorHandler(405, ctx -> LabWorld.refuse(ctx, 405, "method " + ctx.request().method() + " not allowed on "
                + ctx.request().path()));
        router.errorHandler(413, ctx -> LabWorld.refuse(ctx, 413, "request body too large"));
        router.errorHandler(400, ctx -> LabWorld.refuse(ctx, 400, "bad request"));
        router.errorHandler(500, LabPortErrors::failed);
    }

    private static void failed(RoutingContext ctx) {
        if (ctx.failure() instanceof HttpClosedException || ctx.response().closed() || ctx.response().ended()) {
            // The client went away (or the connection guard already answered): nothing is left to answer.
            log.debug("lab request {} {} ended by its connection: {}", ctx.request().method(), ctx.request().path(),
                    String.valueOf(ctx.failure()));
            return;
        }
        log.error("lab request {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
        ctx.response().setStatusCode(500).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", "internal error; the lab's log says more").encode());
    }
}
