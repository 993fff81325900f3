package houston.app.lab;

import houston.app.daemon.GuardedHttp;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * A write's body must arrive whole within {@link #WITHIN} of its headers. The connection guard's idle
 * timeout closes only a connection silent for 30 s, so a client sending one body byte every 20 s held
 * a connection (and its share of the cap) forever; the lab's bodies are a few hundred bytes, sent at once.
 */
final class LabBodyDeadline {

    static final Duration WITHIN = Duration.ofSeconds(10);
    /** The lab's write routes read at most this much (BodyHandler's limit). */
    static final int MAX_BYTES = 4096;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LabBodyDeadline.class);

    private LabBodyDeadline() {
    }

    /** The route handler, before the BodyHandler: arms the deadline, cancelled when the answer is sent. */
    static void arm(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            ctx.next();
            return;
        }
        long timer = ctx.vertx().setTimer(WITHIN.toMillis(), id -> {
            if (!request.isEnded() && !ctx.response().ended() && !ctx.response().closed()) {
                log.debug("lab write {} {} from {}: body not complete within {}", request.method(), request.path(),
                        request.remoteAddress(), WITHIN);
                GuardedHttp.refuseAndClose(request, 408, "request body not complete within " + WITHIN.toSeconds()
                        + " s (expected: the whole body at once, at most " + MAX_BYTES + " bytes)");
            }
        });
        ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
        ctx.next();
    }
}
