package houston.app.daemon;

import houston.app.config.HoustonSettings;
import houston.app.wiring.SharedSecret;
import houston.core.engine.OperatorCommand;
import houston.probes.intake.BadRequest;
import houston.probes.intake.HmacAuth;
import houston.probes.intake.IntakeRoutes;
import houston.probes.intake.SignedIntake;
import houston.slack.commands.CommandParser;
import houston.slack.commands.OperatorConsole;
import houston.slack.commands.ParsedCommand;
import houston.slack.commands.SlackAllowlist;
import houston.slack.commands.SlackCommandRoutes;
import houston.slack.commands.SlackRequestVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Set;

/**
 * What operators and their systems may push, each only when its secret is configured:
 * {@code POST /v1/observations} and {@code /v1/signals} (agents, services) and
 * {@code POST /v1/commands} (the Slack command language as JSON,
 * {@code {"command":"evacuate us-east-1 for 30m db failover","by":"alice"}}), all signed with the
 * shared secret; and {@code /slack/commands}, {@code /slack/interactions} with Slack's signature.
 */
public final class OperatorRoutes {

    private OperatorRoutes() {
    }

    public static void mount(Vertx vertx, Router router, ControlLoop loop, HoustonSettings settings, MeterRegistry registry,
                             Clock clock, Drills drills) {
        Set<String> locations = Set.copyOf(settings.topology().ids());
        CommandParser parser = new CommandParser(locations);
        if (settings.outside().api().tokenFile() != null) {
            var api = settings.outside().api();
            HmacAuth auth = new HmacAuth(SharedSecret.read(api.tokenFile()), api.replayWindow(), clock, 100_000);
            IntakeRoutes.mount(router, auth, Set.copyOf(settings.engine().health().vantages()), locations, clock,
                    loop::observeAll, loop::signal, registry, api.maxBodyBytes(), loop::busy);
            router.post("/v1/commands").handler(BodyHandler.create(false).setBodyLimit(16 * 1024))
                    .handler(new SignedIntake("commands", auth, body -> {
                        loop.command(command(parser, body.toString(StandardCharsets.UTF_8)));
                        return 1;
                    }, registry));
        }
        var slack = settings.slack();
        if (slack.signingSecretFile() != null) {
            String secret = read(slack.signingSecretFile());
            SlackAllowlist.GroupMembers members = slack.tokenFile() == null
                    ? group -> { throw new IllegalStateException("no Slack token to read user groups with"); }
                    : SlackAllowlist.slackApi(read(slack.tokenFile()), slack.apiUrl());
            new SlackCommandRoutes(vertx, new SlackRequestVerifier(secret, clock), parser,
                    new SlackAllowlist(slack.allowedUsers(), slack.allowedGroup(), members, clock), console(loop, settings, drills),
                    clock).mount(router);
        }
    }

    /** A signed command body as an engine command; read-only and unknown commands are refused. */
    static OperatorCommand command(CommandParser parser, String body) throws BadRequest {
        JsonObject json = houston.probes.intake.JsonBody.object(io.vertx.core.buffer.Buffer.buffer(body));
        String by = json.getString("by");
        if (by == null || by.isBlank() || by.length() > 128) {
            throw new BadRequest(400, "by: who is asking (1-128 characters) is required");
        }
        ParsedCommand parsed = parser.parse(json.getString("command", ""));
        if (parsed instanceof ParsedCommand.Mutation m) {
            return m.toCommand(by);
        }
        if (parsed instanceof ParsedCommand.Invalid invalid) {
            throw new BadRequest(400, invalid.message());
        }
        throw new BadRequest(400, "read-only commands are GET /v1/status, /v1/locations, /v1/plan, /v1/decisions");
    }

    private static OperatorConsole console(ControlLoop loop, HoustonSettings settings, Drills drills) {
        Daemon.StatusText text = Daemon.text(loop);
        return new OperatorConsole() {
            @Override
            public String status() {
                return text.status().get();
            }

            @Override
            public String explain(String location) {
                return text.explain().apply(location);
            }

            @Override
            public String weights() {
                return text.weights().get();
            }

            @Override
            public String drill(String scenario) {
                // Called on a worker thread (the Slack route uses executeBlocking): a drill takes about a second.
                return drills.run(scenario, settings);
            }

            @Override
            public void submit(OperatorCommand command) {
                loop.command(command);
            }
        };
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
