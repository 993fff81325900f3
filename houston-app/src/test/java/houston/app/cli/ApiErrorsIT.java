package houston.app.cli;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon's API answers JSON with a reason for every refusal, and HEAD wherever GET works. */
class ApiErrorsIT {

    @TempDir
    Path dir;

    private Vertx vertx;
    private HttpServer site;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        site = vertx.createHttpServer().requestHandler(r -> r.response().end("<p>houston-canary</p>"))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        Files.writeString(dir.resolve("token"), "api-errors-it-shared-secret-0123");
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void notFoundWrongMethodTooLargeAndHeadAnswerAsAnApiShould() throws Exception {
        DaemonProcess daemon = DaemonProcess.start(DaemonProcess.config(dir, site.actualPort(), site.actualPort(),
                "houston.api.token-file = \"" + dir.resolve("token") + "\"\n"), 4);
        HttpResponse<String> missing = daemon.send(daemon.request("/v1/nope"));
        HttpResponse<String> wrongMethod = daemon.send(daemon.request("/v1/status")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> tooLarge = daemon.send(daemon.request("/v1/commands")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))));
        HttpResponse<String> head = daemon.send(daemon.request("/v1/status").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> headMetrics = daemon.send(daemon.request("/metrics").method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        daemon.await();

        assertEquals(404, missing.statusCode());
        assertEquals("no such endpoint: /v1/nope (see /v1/status, /v1/locations, /v1/plan, /v1/decisions)",
                new JsonObject(missing.body()).getString("error"));
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("method POST not allowed on /v1/status", new JsonObject(wrongMethod.body()).getString("error"));
        assertEquals(413, tooLarge.statusCode());
        assertEquals("request body too large", new JsonObject(tooLarge.body()).getString("error"));
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(200, headMetrics.statusCode());
    }
}
