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

    public SlackStandIn() {
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(json("{\"ok\":true}")));
        server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(notContaining("thread_ts"))
                .willReturn(json("{\"ok\":true,\"ts\":\"" + THREAD_TS + "\"}")));
        server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(containing("thread_ts"))
                .willReturn(json("{\"ok\":true,\"ts\":\"222.000\"}")));
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
