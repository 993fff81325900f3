package houston.slack.commands;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import houston.slack.notify.SlackText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code POST /slack/commands} (the {@code /houston} slash command) and
 * {@code POST /slack/interactions} (its buttons). Every request's Slack signature is verified
 * before anything else is read; a bad, stale or replayed one gets 401 and changes nothing.
 * Slack wants an answer within 3 s, so each request is acknowledged at once and the real answer
 * goes to its {@code response_url}. Read-only commands are open to everyone; commands that move
 * traffic or stop automation need an allowlisted user and a confirmation button, pressed by an
 * allowlisted user, who is recorded as the command's author.
 */
public final class SlackCommandRoutes {

    private static final Logger log = LoggerFactory.getLogger(SlackCommandRoutes.class);

    private final Vertx vertx;
    private final WebClient client;
    private final SlackRequestVerifier verifier;
    private final CommandParser parser;
    private final Predicate<String> allowed;
    private final OperatorConsole console;
    private final PendingConfirmations pending;

    public SlackCommandRoutes(Vertx vertx, SlackRequestVerifier verifier, CommandParser parser, Predicate<String> allowed,
                              OperatorConsole console, Clock clock) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
        this.verifier = verifier;
        this.parser = parser;
        this.allowed = allowed;
        this.console = console;
        this.pending = new PendingConfirmations(clock);
    }

    public void mount(Router router) {
        router.post("/slack/commands").handler(new SlackRequestBody(this::command));
        router.post("/slack/interactions").handler(new SlackRequestBody(this::interaction));
    }

    private String verified(RoutingContext ctx, String raw) {
        String refused = verifier.refuse(ctx.request().getHeader("X-Slack-Request-Timestamp"),
                ctx.request().getHeader("X-Slack-Signature"), raw);
        if (refused != null) {
            SlackRequestBody.refuse(ctx, 401, refused);
            return null;
        }
        return raw;
    }

    private void command(RoutingContext ctx, String body) {
        String raw = verified(ctx, body);
        if (raw == null) {
            return;
        }
        Map<String, String> form = form(ctx, raw);
        if (form == null) {
            return;
        }
        String user = form.get("user_id");
        String responseUrl = form.get("response_url");
        if (user == null || responseUrl == null || !validUrl(responseUrl)) {
            SlackRequestBody.refuse(ctx, 400, "malformed slash command: user_id and response_url are required");
            return;
        }
        // Stored and journaled as the plain text the person typed; escaped again for every sink.
        ParsedCommand parsed = parser.parse(SlackText.unescape(form.getOrDefault("text", "")));
        if (parsed instanceof ParsedCommand.Invalid invalid) {
            ephemeral(ctx, SlackText.escape(invalid.message()));
        } else if (parsed instanceof ParsedCommand.ReadOnly ro) {
            if (ro.verb().equals("help")) {
                ephemeral(ctx, CommandParser.USAGE);
                return;
            }
            ephemeral(ctx, "working on it…");
            vertx.executeBlocking(() -> answer(ro)).onComplete(ar -> respond(responseUrl, new JsonObject()
                    .put("response_type", "ephemeral").put("text", ar.succeeded() ? ar.result() : "failed: " + ar.cause())));
        } else if (parsed instanceof ParsedCommand.Mutation m) {
            propose(ctx, m, user);
        }
    }

    private String answer(ParsedCommand.ReadOnly ro) {
        return switch (ro.verb()) {
            case "status" -> console.status();
            case "weights" -> console.weights();
            case "explain" -> console.explain(ro.argument());
            case "drill" -> console.drill(ro.argument());
            default -> CommandParser.USAGE;
        };
    }

    private void propose(RoutingContext ctx, ParsedCommand.Mutation m, String user) {
        if (!allowed.test(user)) {
            log.warn("Slack user {} is not allowed to {}", user, m.describe());
            ephemeral(ctx, "Not allowed: <@" + user + "> may not " + m.verb() + " (only the configured operators may). "
                    + "Nothing changed.");
            return;
        }
        String id = pending.add(m, user);
        if (id == null) {
            ephemeral(ctx, "Too many commands are waiting for confirmation; try again in a few minutes. Nothing changed.");
            return;
        }
        String question = "*" + SlackText.escape(m.describe()) + "*\nThis changes what Houston does with live traffic. Confirm?";
        JsonArray blocks = new JsonArray()
                .add(new JsonObject().put("type", "section").put("text", new JsonObject().put("type", "mrkdwn").put("text", question)))
                .add(new JsonObject().put("type", "actions").put("elements", new JsonArray()
                        .add(button("Confirm", "houston_confirm", id, "danger"))
                        .add(button("Cancel", "houston_cancel", id, null))));
        ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("response_type", "ephemeral").put("text", SlackText.escape(m.describe()) + ": confirm?").put("blocks", blocks).encode());
    }

    private static JsonObject button(String label, String actionId, String value, String style) {
        JsonObject b = new JsonObject().put("type", "button").put("action_id", actionId).put("value", value)
                .put("text", new JsonObject().put("type", "plain_text").put("text", label));
        return style == null ? b : b.put("style", style);
    }

    private void interaction(RoutingContext ctx, String body) {
        String raw = verified(ctx, body);
        if (raw == null) {
            return;
        }
        Map<String, String> form = form(ctx, raw);
        if (form == null) {
            return;
        }
        JsonObject payload;
        try {
            payload = new JsonObject(form.getOrDefault("payload", ""));
        } catch (DecodeException | ClassCastException e) {
            SlackRequestBody.refuse(ctx, 400, "malformed payload: expected payload=<JSON>");
            return;
        }
        JsonObject action = payload.getJsonArray("actions", new JsonArray()).size() == 0 ? null
                : payload.getJsonArray("actions").getJsonObject(0);
        String user = payload.getJsonObject("user", new JsonObject()).getString("id");
        String responseUrl = payload.getString("response_url");
        if (action == null || user == null || responseUrl == null || !validUrl(responseUrl)) {
            SlackRequestBody.refuse(ctx, 400, "malformed payload: actions, user.id and response_url are required");
            return;
        }
        ctx.response().setStatusCode(200).end();
        String verb = action.getString("action_id", "");
        if (verb.equals("houston_cancel")) {
            pending.take(action.getString("value"));
            respond(responseUrl, replace("Cancelled by <@" + user + ">. Nothing changed."));
        } else if (verb.equals("houston_confirm")) {
            confirm(user, action.getString("value"), responseUrl);
        } else {
            respond(responseUrl, replace("Unknown action '" + SlackText.escape(verb) + "'. Nothing changed."));
        }
    }

    private void confirm(String user, String id, String responseUrl) {
        if (!allowed.test(user)) {
            respond(responseUrl, new JsonObject().put("response_type", "ephemeral")
                    .put("text", "Not allowed: <@" + user + "> may not confirm this. Nothing changed."));
            return;
        }
        PendingConfirmations.Pending p = pending.take(id);
        if (p == null) {
            respond(responseUrl, replace("This confirmation expired or was already used. Nothing changed."));
            return;
        }
        console.submit(p.mutation().toCommand(user));
        log.info("Slack: {} confirmed by {} (asked by {})", p.mutation().describe(), user, p.requestedBy());
        respond(responseUrl, new JsonObject().put("response_type", "in_channel").put("replace_original", true)
                .put("text", ":white_check_mark: " + SlackText.escape(p.mutation().describe()) + " — confirmed by <@" + user
                        + "> (asked by <@" + p.requestedBy() + ">)"));
    }

    private static JsonObject replace(String text) {
        return new JsonObject().put("response_type", "ephemeral").put("replace_original", true).put("text", text);
    }

    private void respond(String responseUrl, JsonObject body) {
        URI uri = URI.create(responseUrl);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        client.post(port, uri.getHost(), uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .ssl("https".equals(uri.getScheme())).timeout(10_000).sendJsonObject(body)
                .onFailure(e -> log.warn("cannot answer Slack at {}: {}", uri.getHost(), e.toString()));
    }

    private static void ephemeral(RoutingContext ctx, String text) {
        ctx.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("response_type", "ephemeral").put("text", text).encode());
    }

    private static boolean validUrl(String url) {
        try {
            URI u = URI.create(url);
            return u.getHost() != null && ("https".equals(u.getScheme()) || "http".equals(u.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The form's fields; null, the request answered 400, when its percent-encoding is broken. */
    private static Map<String, String> form(RoutingContext ctx, String raw) {
        Map<String, String> form = new HashMap<>();
        try {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            SlackRequestBody.refuse(ctx, 400, "malformed form encoding: expected application/x-www-form-urlencoded");
            return null;
        }
        return form;
    }
}
