package houston.app.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code houston lab fault} against servers on the port that are not a lab, or answer without end. */
class LabFaultClientTest {

    private HttpServer server;
    private final CliSession cli = new CliSession();

    @AfterEach
    void stop() {
        server.stop(0);
        assertFalse(cli.said().contains("Exception"), cli.said());
    }

    /** A server answering every POST with {@code body}; "ENDLESS" streams 64 MiB of spaces. */
    private String serving(String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try (OutputStream out = exchange.getResponseBody()) {
                if (body.equals("ENDLESS")) {
                    exchange.sendResponseHeaders(200, 0);
                    byte[] block = new byte[64 * 1024];
                    java.util.Arrays.fill(block, (byte) ' ');
                    for (int i = 0; i < 1024; i++) {
                        out.write(block);
                    }
                } else {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, bytes.length);
                    out.write(bytes);
                }
            } catch (IOException closedByTheClient) {
                // what a capped client does
            }
            exchange.close();
        });
        server.start();
        return String.valueOf(server.getAddress().getPort());
    }

    @Test
    void anEndlessAnswerIsCutAtTheCap() throws IOException {
        String port = serving("ENDLESS");

        int code = cli.run("lab", "fault", "us-east-1", "outage", "--port", port);

        assertEquals(3, code, cli.said());
        assertEquals("houston lab fault: answer too large from http://localhost:" + port + "/lab/faults (over "
                + LabFaultCommand.MAX_ANSWER + " bytes)\n", cli.err());
    }

    @Test
    void aTargetTypedInCapitalsIsFoundUnderTheLabsOwnName() throws IOException {
        String port = serving("{\"us-east-1\": \"outage\"}");

        int code = cli.run("lab", "fault", "US-EAST-1", "outage", "--port", port);

        assertEquals(0, code, cli.said());
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsNotCalledNoLab() throws Exception {
        serving("{}");
        try (java.net.ServerSocket closing = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                while (!closing.isClosed()) {
                    try (java.net.Socket s = closing.accept()) {
                        s.getInputStream().read(); // takes the request, answers nothing
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accepting.start();

            int code = cli.run("lab", "fault", "us-east-1", "outage", "--port", String.valueOf(closing.getLocalPort()));

            assertEquals(3, code, cli.said());
            assertEquals("houston lab fault: the lab on port " + closing.getLocalPort() + " closed the connection without "
                    + "answering (its connection cap reached? too many open connections from this host)\n", cli.err());
        }
    }

    @Test
    void jsonOfAnotherShapeIsNotALab() throws IOException {
        String port = serving("{\"x\": 1}");

        int code = cli.run("lab", "fault", "us-east-1", "outage", "--port", port);

        assertEquals(3, code, cli.said());
        assertEquals("houston lab fault: no lab answers at port " + port + " (answer is not the lab's)\n", cli.err());
        assertEquals("", cli.out());
    }

    @Test
    void faultsThatDoNotNameTheTargetAreNotALabsAnswer() throws IOException {
        String port = serving("{\"x\": \"y\"}");

        int code = cli.run("lab", "fault", "us-east-1", "outage", "--port", port);

        assertEquals(3, code, cli.said());
        assertTrue(cli.err().contains("(answer is not the lab's)"), cli.said());
    }

    @Test
    void theLabsAnswerIsPrintedWithItsControlCharactersEscaped() throws IOException {
        String port = serving("{\"us-east-1\": \"outage\", \"eu\\u001b[2J\": \"flap\"}");

        int code = cli.run("lab", "fault", "us-east-1", "outage", "--port", port);

        assertEquals(0, code, cli.said());
        assertEquals("faults now: {\"us-east-1\":\"outage\",\"eu\\u001B[2J\":\"flap\"}\n", cli.out()); // JSON's own escape
    }
}
