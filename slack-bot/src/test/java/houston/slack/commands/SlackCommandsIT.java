package houston.slack.commands;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.app_backend.SlackSignature;
import houston.core.engine.OperatorCommand;
import houston.core.engine.PinTarget;
import houston.testkit.Eventually;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real signed HTTP requests into the Slack endpoints on loopback; WireMock receives the response_url answers. */
class SlackCommandsIT {

    private static final String SECRET = "slack-signing-secret-for-tests";
    private static final String OPERATOR = "U0OPERATOR";
    private static final String VISITOR = "U0VISITOR";

    private Vertx vertx;
    private HttpServer server;
    private WebClient client;
    private WireMockServer slack;
    private final List<OperatorCommand> submitted = new CopyOnWriteArrayList<>();
    private final List<String> drills = new CopyOnWriteArrayList<>();

    private final OperatorConsole console = new OperatorConsole() {
        @Override
        public String status() {
            return "15 locations: 15 healthy";
        }

        @Override
        public String explain(String location) {
            return location + ": healthy, score 1.000";
        }

        @Override
        public String weights() {
            return "us-east-1 -> us-east-1 255";
        }

        @Override
        public String drill(String scenario) {
            drills.add(scenario);
            return "drill " + scenario + ": 0 failed requests";
        }

        @Override
        public void submit(OperatorCommand command) {
            submitted.add(command);
        }
    };

    @BeforeEach
    void start() throws Exception {
        slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        slack.start();
        slack.stubFor(post(urlPathEqualTo("/respond")).willReturn(aResponse().withStatus(200)));
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new SlackCommandRoutes(vertx, new SlackRequestVerifier(SECRET, Clock.systemUTC()),
                new CommandParser(Set.of("us-east-1", "eu-west-1")), Set.of(OPERATOR)::contains, console,
                Clock.systemUTC()).mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        slack.stop();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String commandBody(String user, String text) {
        return "command=%2Fhouston&user_id=" + user + "&text=" + enc(text) + "&response_url="
                + enc(slack.baseUrl() + "/respond");
    }

    private HttpResponse<Buffer> send(String path, String body, long ts, String signature) throws Exception {
        return client.post(server.actualPort(), "127.0.0.1", path)
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .putHeader("X-Slack-Request-Timestamp", String.valueOf(ts)).putHeader("X-Slack-Signature", signature)
                .sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> signed(String path, String body) throws Exception {
        long ts = Instant.now().getEpochSecond();
        return send(path, body, ts, new SlackSignature.Generator(SECRET).generate(String.valueOf(ts), body));
    }

    private HttpResponse<Buffer> command(String user, String text) throws Exception {
        return signed("/slack/commands", commandBody(user, text));
    }

    private HttpResponse<Buffer> press(String user, String actionId, String value) throws Exception {
        JsonObject payload = new JsonObject().put("type", "block_actions").put("user", new JsonObject().put("id", user))
                .put("response_url", slack.baseUrl() + "/respond")
                .put("actions", new JsonArray().add(new JsonObject().put("action_id", actionId).put("value", value)
                        .put("action_ts", String.valueOf(System.nanoTime()))));
        return signed("/slack/interactions", "payload=" + enc(payload.encode()));
    }

    private static String confirmationId(HttpResponse<Buffer> proposal) {
        return proposal.bodyAsJsonObject().getJsonArray("blocks").getJsonObject(1).getJsonArray("elements")
                .getJsonObject(0).getString("value");
    }

    private void awaitAnswer(String text) throws InterruptedException {
        Eventually.await("a response_url answer containing " + text, Duration.ofSeconds(10),
                () -> !slack.findAll(postRequestedFor(urlPathEqualTo("/respond")).withRequestBody(containing(text))).isEmpty(),
                () -> "answers: " + slack.findAll(postRequestedFor(urlPathEqualTo("/respond"))).stream()
                        .map(r -> r.getBodyAsString()).toList());
    }

    private OperatorCommand confirmedByOperator(String text) throws Exception {
        HttpResponse<Buffer> proposal = command(OPERATOR, text);
        assertEquals(200, proposal.statusCode());
        press(OPERATOR, "houston_confirm", confirmationId(proposal));
        awaitAnswer("confirmed by <@" + OPERATOR + ">");
        assertEquals(1, submitted.size());
        return submitted.get(0);
    }

    @Test
    void statusIsAcknowledgedAtOnceAndAnsweredThroughTheResponseUrl() throws Exception {
        HttpResponse<Buffer> r = command(VISITOR, "status");

        assertEquals(200, r.statusCode());
        assertEquals("working on it…", r.bodyAsJsonObject().getString("text"));
        awaitAnswer("15 locations: 15 healthy");
    }

    @Test
    void explainAnswersForTheLocation() throws Exception {
        command(VISITOR, "explain eu-west-1");

        awaitAnswer("eu-west-1: healthy, score 1.000");
    }

    @Test
    void weightsAnswers() throws Exception {
        command(VISITOR, "weights");

        awaitAnswer("us-east-1 -> us-east-1 255");
    }

    @Test
    void drillRunsTheScenario() throws Exception {
        command(VISITOR, "drill region-outage");

        awaitAnswer("drill region-outage: 0 failed requests");
        assertEquals(List.of("region-outage"), drills);
    }

    @Test
    void helpListsTheCommands() throws Exception {
        assertTrue(command(VISITOR, "help").bodyAsJsonObject().getString("text").contains("/houston evacuate LOC"));
    }

    @Test
    void evacuateAsksForConfirmationAndRecordsWhoPressed() throws Exception {
        OperatorCommand c = confirmedByOperator("evacuate us-east-1 for 30m db failover");

        assertEquals(new OperatorCommand.Evacuate("us-east-1", Duration.ofMinutes(30), "db failover", OPERATOR), c);
    }

    @Test
    void nothingHappensBeforeTheButtonIsPressed() throws Exception {
        command(OPERATOR, "evacuate us-east-1");

        assertEquals(List.of(), submitted);
    }

    @Test
    void restoreAfterConfirmation() throws Exception {
        assertEquals(new OperatorCommand.Restore("us-east-1", OPERATOR), confirmedByOperator("restore us-east-1"));
    }

    @Test
    void freezeAfterConfirmation() throws Exception {
        assertEquals(new OperatorCommand.Freeze(Duration.ofHours(2), "game day", OPERATOR),
                confirmedByOperator("freeze for 2h game day"));
    }

    @Test
    void unfreezeAfterConfirmation() throws Exception {
        assertEquals(new OperatorCommand.Unfreeze(OPERATOR), confirmedByOperator("unfreeze"));
    }

    @Test
    void pinAfterConfirmation() throws Exception {
        assertEquals(new OperatorCommand.Pin("eu-west-1", PinTarget.HEALTHY, Duration.ofHours(1), OPERATOR),
                confirmedByOperator("pin eu-west-1 healthy for 1h"));
    }

    @Test
    void cancelChangesNothing() throws Exception {
        HttpResponse<Buffer> proposal = command(OPERATOR, "evacuate us-east-1");

        press(OPERATOR, "houston_cancel", confirmationId(proposal));
        awaitAnswer("Cancelled by");

        assertEquals(List.of(), submitted);
    }

    @Test
    void aConfirmationWorksOnce() throws Exception {
        HttpResponse<Buffer> proposal = command(OPERATOR, "evacuate us-east-1");
        press(OPERATOR, "houston_confirm", confirmationId(proposal));
        awaitAnswer("confirmed by");

        press(OPERATOR, "houston_confirm", confirmationId(proposal));
        awaitAnswer("expired or was already used");

        assertEquals(1, submitted.size());
    }

    @Test
    void unauthorisedUserCannotAskToMoveTraffic() throws Exception {
        HttpResponse<Buffer> r = command(VISITOR, "evacuate us-east-1");

        assertTrue(r.bodyAsJsonObject().getString("text").startsWith("Not allowed: <@" + VISITOR + ">"));
        assertEquals(List.of(), submitted);
    }

    @Test
    void unauthorisedUserCannotPressConfirm() throws Exception {
        HttpResponse<Buffer> proposal = command(OPERATOR, "evacuate us-east-1");

        press(VISITOR, "houston_confirm", confirmationId(proposal));
        awaitAnswer("may not confirm this");

        assertEquals(List.of(), submitted);
    }

    @Test
    void aReasonAtItsLimitIsAcceptedWithMarkupThatGrowsWhenEscaped() throws Exception {
        // "<>&" triples when escaped for Slack: the confirmation must still fit its 3,000-character section.
        String reason = "db <failover> & " + "&".repeat(CommandParser.MAX_REASON - 16);

        HttpResponse<Buffer> proposal = command(OPERATOR, "evacuate us-east-1 for 30m " + reason);
        press(OPERATOR, "houston_confirm", confirmationId(proposal));
        awaitAnswer("confirmed by <@" + OPERATOR + ">");

        String section = proposal.bodyAsJsonObject().getJsonArray("blocks").getJsonObject(0).getJsonObject("text")
                .getString("text");
        assertTrue(section.length() <= 3000, section.length() + " characters");
        assertEquals(List.of(new OperatorCommand.Evacuate("us-east-1", Duration.ofMinutes(30), reason, OPERATOR)),
                submitted);
    }

    @Test
    void aLongerReasonIsRefusedBeforeAnyConfirmation() throws Exception {
        HttpResponse<Buffer> r = command(OPERATOR, "evacuate us-east-1 for 30m db failover " + "x".repeat(12_000));

        assertEquals("reason: 12012 characters (expected: at most 500; link to a document for more)",
                r.bodyAsJsonObject().getString("text"));
        assertEquals(List.of(), submitted);
    }

    @Test
    void aLargeInteractionPayloadIsAccepted() throws Exception {
        HttpResponse<Buffer> proposal = command(OPERATOR, "evacuate us-east-1");
        JsonObject payload = new JsonObject().put("type", "block_actions").put("user", new JsonObject().put("id", OPERATOR))
                .put("response_url", slack.baseUrl() + "/respond")
                .put("message", new JsonObject().put("text", "y".repeat(40_000)))
                .put("actions", new JsonArray().add(new JsonObject().put("action_id", "houston_confirm")
                        .put("value", confirmationId(proposal))));

        HttpResponse<Buffer> r = signed("/slack/interactions", "payload=" + enc(payload.encode()));

        assertEquals(200, r.statusCode(), r.bodyAsString());
        awaitAnswer("confirmed by <@" + OPERATOR + ">");
        assertEquals(1, submitted.size());
    }

    @Test
    void aBodyLargerThanSlackSendsIsRefusedWithAJsonError() throws Exception {
        HttpResponse<Buffer> r = command(OPERATOR, "evacuate us-east-1 " + "z".repeat(SlackRequestBody.MAX_BYTES));

        assertEquals(413, r.statusCode());
        assertEquals("application/json", r.getHeader("Content-Type"));
        assertTrue(r.bodyAsJsonObject().getString("error").startsWith("request body too large"), r.bodyAsString());
        assertEquals(List.of(), submitted);
    }

    @Test
    void slackMarkupInAReasonIsEchoedAsTextNotMarkup() throws Exception {
        // Slack sends a typed @channel as <!channel>, a pasted link as <url|label>, a typed & as &amp;.
        HttpResponse<Buffer> proposal = command(OPERATOR, "evacuate us-east-1 db <!channel> see <https://evil.test|runbook> &amp; go");

        String question = proposal.bodyAsJsonObject().getJsonArray("blocks").getJsonObject(0).getJsonObject("text")
                .getString("text");
        press(OPERATOR, "houston_confirm", confirmationId(proposal));
        awaitAnswer("confirmed by <@" + OPERATOR + ">");

        assertTrue(question.contains("db &lt;!channel&gt; see &lt;https://evil.test|runbook&gt; &amp; go"), question);
        assertTrue(slack.findAll(postRequestedFor(urlPathEqualTo("/respond")).withRequestBody(containing("<!channel>")))
                .isEmpty(), "the confirmation echo must not page the channel");
        assertEquals("db <!channel> see <https://evil.test|runbook> & go",
                ((OperatorCommand.Evacuate) submitted.get(0)).reason(), "journaled as the text the operator typed");
    }

    @Test
    void badSignatureIs401AndChangesNothing() throws Exception {
        String body = commandBody(OPERATOR, "freeze");

        HttpResponse<Buffer> r = send("/slack/commands", body, Instant.now().getEpochSecond(), "v0=0000");

        assertEquals(401, r.statusCode());
        assertEquals("invalid signature", r.bodyAsJsonObject().getString("error"));
        assertEquals(List.of(), submitted);
    }

    @Test
    void staleTimestampIs401() throws Exception {
        String body = commandBody(OPERATOR, "status");
        long old = Instant.now().getEpochSecond() - 600;

        HttpResponse<Buffer> r = send("/slack/commands", body, old,
                new SlackSignature.Generator(SECRET).generate(String.valueOf(old), body));

        assertEquals(401, r.statusCode());
        assertEquals("stale timestamp", r.bodyAsJsonObject().getString("error"));
    }

    @Test
    void replayedRequestIs401() throws Exception {
        String body = commandBody(OPERATOR, "status");
        long ts = Instant.now().getEpochSecond();
        String signature = new SlackSignature.Generator(SECRET).generate(String.valueOf(ts), body);
        send("/slack/commands", body, ts, signature);

        HttpResponse<Buffer> r = send("/slack/commands", body, ts, signature);

        assertEquals(401, r.statusCode());
        assertEquals("replayed request", r.bodyAsJsonObject().getString("error"));
    }

    @Test
    void unknownCommandIsAnsweredClearly() throws Exception {
        HttpResponse<Buffer> r = command(OPERATOR, "launch rockets");

        assertEquals("unknown command 'launch'. Try /houston help", r.bodyAsJsonObject().getString("text"));
        assertEquals(List.of(), submitted);
    }

    @Test
    void unknownLocationIsAnsweredClearly() throws Exception {
        HttpResponse<Buffer> r = command(OPERATOR, "evacuate mars-1");

        assertTrue(r.bodyAsJsonObject().getString("text").startsWith("unknown location 'mars-1'"));
    }

    @Test
    void malformedInteractionPayloadIs400() throws Exception {
        HttpResponse<Buffer> r = signed("/slack/interactions", "payload=" + enc("{not json"));

        assertEquals(400, r.statusCode());
        assertTrue(r.bodyAsJsonObject().getString("error").startsWith("malformed payload"), r.bodyAsString());
    }

    @Test
    void commandWithoutAResponseUrlIs400() throws Exception {
        HttpResponse<Buffer> r = signed("/slack/commands", "user_id=" + OPERATOR + "&text=status");

        assertEquals(400, r.statusCode());
    }

    @Test
    void aCommandWhoseFormEncodingIsBrokenIs400() throws Exception {
        HttpResponse<Buffer> r = signed("/slack/commands", "%%%%%=&&&==");

        assertEquals(400, r.statusCode(), r.bodyAsString());
        assertTrue(r.bodyAsJsonObject().getString("error").startsWith("malformed form encoding"), r.bodyAsString());
    }

    @Test
    void anInteractionWhoseFormEncodingIsBrokenIs400() throws Exception {
        HttpResponse<Buffer> r = signed("/slack/interactions", "payload=%zz");

        assertEquals(400, r.statusCode(), r.bodyAsString());
        assertTrue(r.bodyAsJsonObject().getString("error").startsWith("malformed form encoding"), r.bodyAsString());
    }
}
