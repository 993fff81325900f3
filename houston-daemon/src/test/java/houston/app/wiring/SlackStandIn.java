package houston.app.wiring;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock on loopback as the Slack Web API: every message that starts a thread gets ts
 * {@value #THREAD_TS}, every reply another ts, so tests can count threads and replies. A test that
 * restarts a daemon against it registers it as an extension ({@code @RegisterExtension}): one stand-in
 * for the whole test, across the restarts, stopped after it.
 */
public final class SlackStandIn implements AutoCloseable, AfterEachCallback {

    public static final String THREAD_TS = "111.000";

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    private com.github.tomakehurst.wiremock.stubbing.StubMapping failing;

    public SlackStandIn() {
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(json("{\"ok\":true}")));
        server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(notContaining("thread_ts"))
                .willReturn(json("{\"ok\":true,\"ts\":\"" + THREAD_TS + "\"}")));
        server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(containing("thread_ts"))
                .willReturn(json("{\"ok\":true,\"ts\":\"222.000\"}")));
    }

    /**
     * Answers every chat.postMessage with HTTP 503 until {@link #answerPosts()}: messages wait in the
     * daemon's outbox, retried, as when Slack has an outage or is slow.
     */
    public void failPosts() {
        failing = server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
    }

    /** Posts are answered again (ends {@link #failPosts()}). */
    public void answerPosts() {
        if (failing != null) {
            server.removeStub(failing);
            failing = null;
        }
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** The {@code houston.slack} keys that point a daemon here, posting to channel C1 (writes its token file into dir). */
    public String settings(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("slack-token"), "xoxb-test");
        return "houston.slack { token-file = \"" + dir.resolve("slack-token") + "\", api-url = \"" + baseUrl()
                + "\", channel = C1 }\n";
    }

    /** Messages posted to the channel (each starts a thread). */
    public List<LoggedRequest> threadStarts() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(notContaining("thread_ts")));
    }

    /** Texts of the messages Slack accepted (a 503 answered while failing is not counted), form-decoded. */
    public List<String> postedTexts() {
        return postedTexts(request -> true);
    }

    /** As {@link #postedTexts()}, of the posts made with bot token {@code token} only (a replica of its own). */
    public List<String> postedTexts(String token) {
        return postedTexts(request -> ("Bearer " + token).equals(request.getHeader("Authorization")));
    }

    private List<String> postedTexts(java.util.function.Predicate<LoggedRequest> which) {
        // WireMock lists the newest first: reversed, they read in the order Slack received them.
        List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> events = new java.util.ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events.stream().filter(e -> e.getResponse().getStatus() == 200)
                .filter(e -> e.getRequest().getUrl().startsWith("/api/chat.postMessage")).filter(e -> which.test(e.getRequest()))
                .map(e -> java.net.URLDecoder.decode(e.getRequest().getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }

    /** Messages posted as replies, in any thread. */
    public List<LoggedRequest> replies() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing("thread_ts")));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop();
    }
}
