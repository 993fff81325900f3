package houston.app.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A location breaks, {@code houston run} evacuates it and opens a Slack thread (WireMock as the Slack
 * API), then the daemon restarts while the location is still broken: the evacuation stands, DNS is
 * not published again, and every message stays in the one thread.
 */
class RestartMidEvacuationIT {

    @TempDir
    Path dir;

    private Vertx vertx;
    private WireMockServer slack;
    private final AtomicBoolean broken = new AtomicBoolean();
    private HttpServer siteA;
    private HttpServer siteB;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        siteA = vertx.createHttpServer().requestHandler(r -> {
            if (broken.get()) {
                r.response().setStatusCode(503).end("down");
            } else {
                r.response().end("<p>houston-canary</p>");
            }
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        siteB = vertx.createHttpServer().requestHandler(r -> r.response().end("<p>houston-canary</p>"))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        slack.start();
        slack.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(json("{\"ok\":true}")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(notContaining("thread_ts"))
                .willReturn(json("{\"ok\":true,\"ts\":\"111.000\"}")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(containing("thread_ts"))
                .willReturn(json("{\"ok\":true,\"ts\":\"222.000\"}")));
    }

    @AfterEach
    void stop() throws Exception {
        slack.stop();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private Path config() throws Exception {
        Files.writeString(dir.resolve("slack-token"), "xoxb-test");
        return DaemonProcess.config(dir, siteA.actualPort(), siteB.actualPort(), ""
                + "houston.slack { token-file = \"" + dir.resolve("slack-token") + "\", api-url = \"" + slack.baseUrl()
                + "\", channel = C1 }\n"
                + "houston.probes { interval = 200ms, jitter = 20ms }\n"
                + "houston.health { window = 1s, min-samples = 3 }\n"
                + "houston.hysteresis { down-hold = 500ms, up-hold = 1h }\n");
    }

    private List<LoggedRequest> posts(boolean inThread) {
        var body = inThread ? containing("thread_ts") : notContaining("thread_ts");
        return slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(body));
    }

    @Test
    void aRestartMidEvacuationKeepsTheEvacuationTheDnsAndTheOneSlackThread() throws Exception {
        Path conf = config();
        DaemonProcess first = DaemonProcess.start(conf, 8);
        Thread.sleep(1500);
        broken.set(true);
        first.awaitGeneration(1);
        JsonObject during = first.plan();
        first.await();
        int repliesBefore = posts(true).size();

        DaemonProcess second = DaemonProcess.start(conf, 5);
        Thread.sleep(3000);
        JsonObject after = second.plan();
        String locations = second.send(second.request("/v1/locations")).body();
        second.await();

        assertEquals(1.0, during.getJsonObject("rows").getJsonObject("lab-a").getDouble("lab-b"), 1e-9, during.encode());
        assertEquals(1, after.getLong("generation"), "a restart must not publish again: " + after);
        assertEquals(1.0, after.getJsonObject("rows").getJsonObject("lab-a").getDouble("lab-b"), 1e-9);
        assertTrue(locations.contains("\"evacuated\""), locations);
        assertEquals(1, posts(false).size(), "one incident, one thread: " + posts(false));
        assertTrue(repliesBefore >= 2, "the thread carries the steps: " + posts(true));
        assertTrue(posts(true).stream().allMatch(r -> r.getBodyAsString().contains("thread_ts=111.000")));
    }
}
