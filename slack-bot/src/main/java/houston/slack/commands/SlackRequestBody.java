package houston.slack.commands;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Reads a Slack request's body as the exact bytes Slack signed, up to {@link #MAX_BYTES}. Not
 * Vert.x's BodyHandler: for a form body it also decodes the form, refusing any field over 8 KB
 * (a long {@code /houston} text, a large interaction payload) with a plain-text 400, and the
 * routes decode the verified raw body themselves anyway.
 */
final class SlackRequestBody implements Handler<RoutingContext> {

    /**
     * Slack's own limits: a message text is at most 40,000 characters, a modal's state a few
     * hundred KB; url-encoded, that is well under 1 MiB. Anything larger is not from Slack.
     */
    static final int MAX_BYTES = 1 << 20;

    private final BiConsumer<RoutingContext, String> then;

    SlackRequestBody(BiConsumer<RoutingContext, String> then) {
        this.then = then;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String declared = request.getHeader("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > MAX_BYTES) {
            tooLarge(ctx);
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (ctx.response().ended()) {
                return;
            }
            if (body.length() + chunk.length() > MAX_BYTES) {
                tooLarge(ctx);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> {
            if (!ctx.response().ended()) {
                then.accept(ctx, body.toString(StandardCharsets.UTF_8));
            }
        });
        request.exceptionHandler(e -> ctx.fail(400, e));
        request.resume();
    }

    private static void tooLarge(RoutingContext ctx) {
        refuse(ctx, 413, "request body too large (expected: at most " + MAX_BYTES + " bytes)");
        ctx.request().connection().close();
    }

    /** Every refusal of the Slack endpoints: a status and {@code {"error": ...}}, like the rest of the API. */
    static void refuse(RoutingContext ctx, int status, String error) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", error).encode());
    }
}
