package houston.app.cli;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon's API answers JSON with a reason for every refusal, and HEAD wherever GET works. */
class ApiErrorsIT {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.extension.RegisterExtension
    final CanarySites site = new CanarySites(1);

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("token"), "api-errors-it-shared-secret-0123");
    }

    @Test
    void notFoundWrongMethodTooLargeAndHeadAnswerAsAnApiShould() throws Exception {
        DaemonProcess daemon = DaemonProcess.start(DaemonProcess.config(dir, site.port(), site.port(),
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

    /**
     * One raw request on its own connection; everything the daemon answered before closing it. The
     * status line may say HTTP/1.0: a request the codec could not read has no version to answer in.
     */
    private static String raw(int port, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void whatTheHttpCodecRefusesAnswersJsonWithAReason() throws Exception {
        DaemonProcess daemon = DaemonProcess.start(DaemonProcess.config(dir, site.port(), site.port(),
                "houston.api.token-file = \"" + dir.resolve("token") + "\"\n"), 4);
        String longLine = raw(daemon.port(), "GET /v1/" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: a\r\n\r\n");
        String largeHeaders = raw(daemon.port(), "GET /v1/status HTTP/1.1\r\nHost: a\r\nX-Big: " + "y".repeat(20_000)
                + "\r\n\r\n");
        String notHttp = raw(daemon.port(), "HELLO THERE\r\n\r\n");
        String badChunk = raw(daemon.port(), "POST /v1/observations HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        daemon.await();

        assertTrue(longLine.matches("(?s)HTTP/1\\.[01] 414 .*"), longLine);
        assertTrue(longLine.endsWith("{\"error\":\"request line too long\"}"), longLine);
        assertTrue(largeHeaders.matches("(?s)HTTP/1\\.[01] 431 .*"), largeHeaders);
        assertTrue(largeHeaders.endsWith("{\"error\":\"request headers too large\"}"), largeHeaders);
        assertTrue(notHttp.matches("(?s)HTTP/1\\.[01] 400 .*"), notHttp);
        assertTrue(notHttp.endsWith("{\"error\":\"malformed HTTP request\"}"), notHttp);
        assertTrue(badChunk.matches("(?s)HTTP/1\\.[01] 400 .*"), badChunk);
        assertTrue(badChunk.endsWith("{\"error\":\"malformed HTTP request\"}"), badChunk);
        assertTrue(longLine.contains("content-type: application/json") || longLine.contains("Content-Type: application/json"),
                longLine);
    }
}
