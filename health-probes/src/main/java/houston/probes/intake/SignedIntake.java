package houston.probes.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * An HTTP endpoint that takes signed JSON pushes: the signature is checked before the body is
 * parsed, the body is validated whole before anything is delivered, and every refusal says why
 * with a 4xx the sender can act on. Counted in {@code houston_intake_requests_total{endpoint,result}}.
 */
public final class SignedIntake implements Handler<RoutingContext> {

    /** Validates a body and delivers what it carries; returns how many items were accepted. */
    @FunctionalInterface
    public interface Acceptor {
        int accept(Buffer body) throws BadRequest;
    }

    /** Every result label {@link #handle} counts. */
    static final java.util.List<String> RESULTS = java.util.List.of("accepted", "unauthorized", "forbidden", "too_large",
            "bad_request");

    private final HmacAuth auth;
    private final Acceptor acceptor;
    private final MeterRegistry registry;
    private final String endpoint;

    public SignedIntake(String endpoint, HmacAuth auth, Acceptor acceptor, MeterRegistry registry) {
        this.endpoint = endpoint;
        this.auth = auth;
        this.acceptor = acceptor;
        this.registry = registry;
        // Every result exists from the start at 0: a rate() or an alert on refusals sees the first one.
        for (String result : RESULTS) {
            counter(result);
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null) {
            body = Buffer.buffer();
        }
        HmacAuth.Verdict verdict = auth.verify(ctx.request().getHeader(HmacAuth.TIMESTAMP),
                ctx.request().getHeader(HmacAuth.SIGNATURE), body.getBytes());
        if (!verdict.accepted()) {
            respond(ctx, 401, "unauthorized", new JsonObject().put("error", verdict.reason()));
            return;
        }
        try {
            int accepted = acceptor.accept(body);
            respond(ctx, 202, "accepted", new JsonObject().put("accepted", accepted));
        } catch (BadRequest e) {
            String result = e.status() == 403 ? "forbidden" : e.status() == 413 ? "too_large" : "bad_request";
            respond(ctx, e.status(), result, new JsonObject().put("error", e.getMessage()));
        }
    }

    private void respond(RoutingContext ctx, int status, String result, JsonObject body) {
        counter(result).increment();
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private Counter counter(String result) {
        return counter(registry, endpoint, result);
    }

    /** The one counter of pushes by endpoint and result, shared with the refusals made before this handler. */
    static Counter counter(MeterRegistry registry, String endpoint, String result) {
        return Counter.builder("houston.intake.requests").description("Signed pushes by endpoint and result")
                .tags("endpoint", endpoint, "result", result).register(registry);
    }
}
