package houston.probes.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Backpressure in front of the push endpoints, before a body is read: a push is refused with
 * {@code 503}, {@code Retry-After} and a JSON reason while the daemon already holds too much that
 * waits for its next tick ({@code busy}), or while more bodies than {@code maxInFlightBytes} are being
 * read and decoded at once (a decoded batch takes several times its size on the heap). Agents keep
 * the refused batch and send it again after {@code Retry-After}; nothing accepted is ever dropped
 * for lack of memory. A platform handler: Vert.x Web runs it before the body handler.
 */
public final class IntakeGate implements PlatformHandler {

    public static final int RETRY_AFTER_SECONDS = 1;

    private final long maxBody;
    private final long maxInFlightBytes;
    private final BooleanSupplier busy;
    private final Counter refused;
    private final AtomicLong inFlight = new AtomicLong();

    public IntakeGate(long maxBody, long maxInFlightBytes, BooleanSupplier busy, MeterRegistry registry, String endpoint) {
        this.maxBody = maxBody;
        this.maxInFlightBytes = Math.max(maxBody, maxInFlightBytes);
        this.busy = busy;
        this.refused = Counter.builder("houston.intake.requests").description("Signed pushes by endpoint and result")
                .tags("endpoint", endpoint, "result", "busy").register(registry);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (busy.getAsBoolean()) {
            refuse(ctx, "busy: too much is waiting for the control loop's next tick");
            return;
        }
        long reserved = reservation(ctx.request().getHeader("Content-Length"));
        if (inFlight.addAndGet(reserved) > maxInFlightBytes) {
            inFlight.addAndGet(-reserved);
            refuse(ctx, "busy: " + maxInFlightBytes + " bytes of pushes are being read already");
            return;
        }
        ctx.addEndHandler(done -> inFlight.addAndGet(-reserved));
        ctx.next();
    }

    /** The declared length, or the largest body when none is declared (chunked); never more than the largest. */
    private long reservation(String contentLength) {
        try {
            return contentLength == null ? maxBody : Math.max(0, Math.min(maxBody, Long.parseLong(contentLength.trim())));
        } catch (NumberFormatException e) {
            return maxBody;
        }
    }

    /** Bytes of pushes admitted and not yet answered. */
    public long inFlightBytes() {
        return inFlight.get();
    }

    private void refuse(RoutingContext ctx, String why) {
        refused.increment();
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && reservation(length) == parse(length)) {
            // A declared body within the limit is read and thrown away chunk by chunk (no memory held), so
            // the answer arrives on a healthy keep-alive connection rather than a reset mid-upload.
            ctx.request().handler(chunk -> { }).endHandler(end -> answer(ctx, why, false));
            ctx.request().resume();
        } else {
            answer(ctx, why, true);
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void answer(RoutingContext ctx, String why, boolean close) {
        if (close) {
            // The body is never read: closing the connection keeps it from being parsed as a request.
            ctx.response().putHeader("Connection", "close");
        }
        ctx.response().setStatusCode(503).putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS))
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", why + "; retry after " + RETRY_AFTER_SECONDS + " s").encode());
    }
}
