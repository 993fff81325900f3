package houston.app.lab;

import houston.app.daemon.GuardedHttp;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * A lab write's body must arrive whole within {@link #WITHIN} of its headers, sooner than the guard's
 * idle timeout (30 s) every request has: the lab's bodies are a few hundred bytes, sent at once.
 */
final class LabBodyDeadline {

    static final Duration WITHIN = Duration.ofSeconds(10);
    /** The lab's write routes read at most this much (BodyHandler's limit). */
    static final int MAX_BYTES = 4096;

    private LabBodyDeadline() {
    }

    /** The route handler, before the BodyHandler: arms the deadline, cancelled when the answer is sent. */
    static void arm(RoutingContext ctx) {
        long timer = GuardedHttp.bodyDeadline(ctx.vertx(), ctx.request(), WITHIN,
                " (expected: the whole body at once, at most " + MAX_BYTES + " bytes)");
        ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
        ctx.next();
    }
}
