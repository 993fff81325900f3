package houston.app.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code houston status} against servers that answer badly, and the --url a user may type. */
class StatusCommandTest {

    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private HttpServer server;
    private final CliSession cli = new CliSession();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        assertFalse(cli.said().contains("Exception"), cli.said());
        assertFalse(cli.said().contains("\tat "), cli.said());
    }

    /** A daemon's three documents; {@code at} is the time of its last tick. */
    private String daemon(Instant at) throws IOException {
        answers.put("/v1/status", "{\"tick\": 3, \"at\": \"" + at + "\"}");
        answers.put("/v1/locations", "[{\"id\": \"us-east-1\", \"state\": \"healthy\", \"score\": 1.0}]");
        answers.put("/v1/plan", "{\"rows\": {\"us-east-1\": {\"us-east-1\": 1.0}}}");
        return serve();
    }

    private String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = answers.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else if (body.equals("ENDLESS")) {
                exchange.sendResponseHeaders(200, 0);
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, (byte) ' ');
                // Bounded so that a client that never stops reading still ends the test: 64 MiB.
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 1024; i++) {
                        out.write(block);
                    }
                } catch (IOException closedByTheClient) {
                    // what a capped client does
                }
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void anEndlessAnswerIsCutAtTheCapAndSaidSo() throws IOException {
        String url = daemon(Instant.now());
        answers.put("/v1/status", "ENDLESS");

        int code = cli.run("status", "--url", url);

        assertEquals(3, code, cli.said());
        assertEquals("houston status: answer too large from " + url + "/v1/status (over " + StatusCommand.MAX_ANSWER
                + " bytes)\n", cli.err(), cli.said());
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        int code = cli.run("status", "--url", "http://localhost:99999");

        assertEquals(2, code, cli.said());
        assertEquals("houston status: --url: http://localhost:99999 (expected: http://HOST:PORT, PORT 1..65535)\n",
                cli.err());
    }

    @Test
    void aPasswordInTheUrlIsNeverEchoed() {
        int code = cli.run("status", "--url", "http://alice:s3cret@localhost:18080");

        assertEquals(2, code, cli.said());
        assertFalse(cli.said().contains("s3cret"), cli.said());
        assertEquals("houston status: --url: http://***@localhost:18080 (expected: http://HOST:PORT, without a user or "
                + "password: the API takes none)\n", cli.err());
    }

    @Test
    void anUppercaseSchemeAndHostAreAccepted() throws IOException {
        String url = daemon(Instant.now());

        int code = cli.run("status", "--url", url.replace("http://127.0.0.1", "HTTP://LOCALHOST"));

        assertEquals(0, code, cli.said());
        assertTrue(cli.out().contains("us-east-1        healthy"), cli.said());
    }

    @Test
    void anApiPathGivenWithTheUrlIsNotAppendedTwice() throws IOException {
        String url = daemon(Instant.now());

        int status = cli.run("status", "--url", url + "/v1/status");
        String said = cli.said();
        int v1 = cli.run("status", "--url", url + "/v1/");

        assertEquals(0, status, said);
        assertEquals(0, v1, cli.said());
        assertTrue(cli.out().startsWith("Houston at " + url + ": tick 3"), cli.said());
    }

    @Test
    void aQueryOrFragmentIsAUsageError() {
        int query = cli.run("status", "--url", "http://localhost:18080/?x=1");
        String queryErr = cli.err();
        int fragment = cli.run("status", "--url", "http://localhost:18080/#top");

        assertEquals(2, query, queryErr);
        assertEquals("houston status: --url: http://localhost:18080/?x=1 (expected: http://HOST:PORT, without a query "
                + "or fragment)\n", queryErr);
        assertEquals(2, fragment, cli.said());
    }

    @Test
    void aDaemonWhoseLastTickIsMinutesOldIsStale() throws IOException {
        Instant at = Instant.now().minusSeconds(120);
        String url = daemon(at);

        int code = cli.run("status", "--url", url);

        assertEquals(3, code, cli.said());
        assertTrue(cli.err().matches("houston status: STALE: the daemon's last tick was at " + java.util.regex.Pattern.quote(
                at.toString()) + " \\(12\\ds ago\\): it may be hung; its answers are not current\n"), cli.err());
        assertTrue(cli.out().contains("us-east-1        healthy"), cli.said());
    }

    @Test
    void anAnswerWithoutAReadableTickTimeCannotBeVouchedFor() throws IOException {
        String url = daemon(Instant.now());
        answers.put("/v1/status", "{\"tick\": 3, \"at\": \"garbage\"}");

        int garbage = cli.run("status", "--url", url);
        String said = cli.err();
        answers.put("/v1/status", "{\"tick\": 3}");
        int missing = cli.run("status", "--url", url);

        assertEquals(3, garbage, said);
        assertEquals("houston status: UNKNOWN: the answer gives no readable time of the daemon's last tick (at: garbage): "
                + "whether it is current cannot be told\n", said);
        assertEquals(3, missing, cli.said());
        assertTrue(cli.err().contains("(at: missing)"), cli.err());
    }

    @Test
    void aDaemonThatHasNotTickedYetIsNotStale() throws IOException {
        String url = daemon(Instant.now());
        answers.put("/v1/status", "{\"tick\": 0, \"at\": null}");

        assertEquals(0, cli.run("status", "--url", url), cli.said());
    }

    @Test
    void aTickStampedInTheFutureSaysTheClocksDisagree() throws IOException {
        String url = daemon(Instant.now().plusSeconds(3600));

        int code = cli.run("status", "--url", url);

        assertEquals(3, code, cli.said());
        assertTrue(cli.err().startsWith("houston status: CLOCK: the daemon's last tick is stamped "), cli.err());
    }

    @Test
    void anApiPathInCapitalsIsDroppedAndAnEmptyPortIsAUsageError() throws IOException {
        String url = daemon(Instant.now());

        int upper = cli.run("status", "--url", url + "/V1/STATUS");
        int emptyPort = cli.run("status", "--url", "http://localhost:");

        assertEquals(0, upper);
        assertEquals(2, emptyPort, cli.said());
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsNotCalledNoDaemon() throws Exception {
        try (ServerSocket closing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                while (!closing.isClosed()) {
                    try (Socket s = closing.accept()) {
                        s.getInputStream().read(); // takes the request, answers nothing
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();

            int code = cli.run("status", "--url", "http://127.0.0.1:" + closing.getLocalPort());

            assertEquals(3, code, cli.said());
            assertEquals("houston status: the daemon at http://127.0.0.1:" + closing.getLocalPort() + " closed the "
                    + "connection without answering (its connection cap reached? too many open connections from this "
                    + "host)\n", cli.err());
        }
    }
}
