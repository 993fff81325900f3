package houston.app.lab;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import houston.app.bench.ConnectionFlood;
import houston.app.config.HoustonConfigLoader;
import houston.testkit.Eventually;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab's own port with replicas (the fault routes), as a red team met it: guarded as every daemon port
 * is (unguarded, 19,900 idle connections exhausted the process's descriptors and every replica failed),
 * writes only under a loopback name, an empty body a 400, a client gone mid-body no error.
 */
@Tag("lab-paced")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabReplicasPortIT {

    private static final String FAULT = "{\"target\":\"eu-west-1\",\"fault\":\"latency\",\"amount\":300}";

    private Lab lab;

    @BeforeAll
    void start() throws Exception {
        lab = Lab.start(HoustonConfigLoader.load(null), 0, Files.createTempDirectory("lab-port-it"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 2);
    }

    @AfterAll
    void stop() throws Exception {
        lab.close();
    }

    /** Sends {@code request} as written (Host and Origin included) and reads the answer: status, then body. */
    private List<String> raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", lab.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return List.of(answer.split(" ", 3)[1], answer.substring(answer.indexOf("\r\n\r\n") + 4));
        }
    }

    private static String post(String headers, String body) {
        return "POST /lab/faults HTTP/1.1\r\n" + headers + "Content-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void idleConnectionsToTheLabPortAreCappedPerClientAndClosedAtTheHeaderDeadline() throws Exception {
        int perClient = lab.world().settings().daemon().maxConnectionsPerClient();
        Duration deadline = lab.world().settings().daemon().headerTimeout();
        try (ConnectionFlood flood = new ConnectionFlood("127.0.0.3")) {
            flood.open(lab.port(), perClient + 36, 0);

            int stillOpen = flood.hold(deadline.plusSeconds(10));
            List<String> faults = raw("GET /lab/faults HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertEquals(0, stillOpen, "every idle connection is closed by the lab");
            assertEquals(perClient + 36, flood.closedByServer() + flood.refused());
            assertEquals("200", faults.get(0), "another client is answered: " + faults);
        }
    }

    @Test
    void aWriteUnderAReboundNameIsRefusedThoughItsOriginMatchesItsHost() throws Exception {
        List<String> r = raw(post("Host: rebind.evil.example:18080\r\nOrigin: http://rebind.evil.example:18080\r\n", FAULT));

        assertEquals("403", r.get(0));
        assertTrue(new JsonObject(r.get(1)).getString("error").startsWith("writes to the lab are taken from loopback names only"),
                r.get(1));
        assertEquals("{ }", raw("GET /lab/faults HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").get(1).trim());
    }

    @Test
    void aWriteWithTwoOriginsIsRefused() throws Exception {
        String own = "http://localhost:" + lab.port();

        List<String> r = raw(post("Host: localhost:" + lab.port() + "\r\nOrigin: " + own + "\r\nOrigin: https://evil.test\r\n",
                FAULT));

        assertEquals(List.of("403", "{\"error\":\"cross-origin writes to the lab are refused (2 Origin headers; "
                + "expected: at most one)\"}"), r);
    }

    @Test
    void aWriteWithTwoHostHeadersIsRefusedThoughTheFirstIsLoopback() throws Exception {
        List<String> r = raw(post("Host: localhost\r\nHost: evil.com\r\n", FAULT));

        assertEquals(List.of("403", "{\"error\":\"writes to the lab are refused with 2 Host headers (expected: one)\"}"), r);
    }

    @Test
    void aControllerFaultOnAReplicaNumberWithAFractionIsRefusedAndKillsNothing() throws Exception {
        String body = "{\"replica\":1.5,\"fault\":\"kill\"}";

        List<String> r = raw(post("Host: localhost\r\n", body).replace("/lab/faults", "/lab/controllers"));

        assertEquals("400", r.get(0), r.toString());
        assertTrue(lab.controllers().state().stream().map(JsonObject.class::cast)
                .allMatch(c -> c.getBoolean("running")), lab.controllers().state().encode());
    }

    @Test
    void anEmptyBodyIsA400NamingWhatToSend() throws Exception {
        String expected = new JsonObject().put("error", "body: empty (expected: one JSON object, e.g. "
                + "{\"target\":\"us-east-1\",\"fault\":\"outage\"})").encode();

        List<String> withLength = raw(post("Host: localhost\r\n", ""));
        List<String> withoutLength = raw("POST /lab/faults HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\n\r\n");

        assertEquals(List.of("400", expected), withLength);
        assertEquals(List.of("400", expected), withoutLength);
    }

    @Test
    void dnsApiClearBringsTheDnsApiBackAsUpDoes() throws Exception {
        raw(post("Host: localhost\r\n", "{\"target\":\"dns-api\",\"fault\":\"down\"}"));

        List<String> r = raw(post("Host: localhost\r\n", "{\"target\":\"dns-api\",\"fault\":\"clear\"}"));

        assertEquals("200", r.get(0), r.get(1));
        assertTrue(new JsonObject(r.get(1)).isEmpty(), r.get(1));
    }

    @Test
    void aClientGoneMidBodyIsOneDebugLineNotAnError() throws Exception {
        Logger root = (Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger lab = (Logger) org.slf4j.LoggerFactory.getLogger(houston.app.daemon.GuardedHttp.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        Level was = lab.getLevel();
        lab.setLevel(Level.DEBUG);
        try {
            // The lab's port and a replica's: both serve the lab's write routes.
            for (int port : new int[] {this.lab.port(), this.lab.daemon().port()}) {
                int before = lines.list.size();
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.getOutputStream().write(("POST /lab/faults HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"target\"")
                            .getBytes(StandardCharsets.UTF_8));
                }

                Eventually.await(Duration.ofSeconds(10), () -> List.copyOf(lines.list).stream().skip(before)
                        .anyMatch(e -> e.getLoggerName().equals(houston.app.daemon.GuardedHttp.class.getName())),
                        () -> port + ": " + List.copyOf(lines.list));
            }

            // What serves HTTP (Vert.x, Netty, Houston's own): the replicas' ZooKeeper clients log their own
            // reconnects beside the test, and once failed it with a WARN that had nothing to do with a disconnect.
            List<ILoggingEvent> http = List.copyOf(lines.list).stream().filter(e -> !e.getLoggerName().startsWith("org.apache"))
                    .toList();
            assertEquals(List.of(), http.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .map(ILoggingEvent::getFormattedMessage).toList());
            assertTrue(http.stream().allMatch(e -> e.getThrowableProxy() == null), "no stack trace");
        } finally {
            root.detachAppender(lines);
            lab.setLevel(was);
        }
    }

    @Test
    void aBodyNotCompleteWithinItsDeadlineIsA408AndTheConnectionClosed() throws Exception {
        try (Socket s = new Socket("127.0.0.1", lab.port())) {
            // Past the write deadline, well short of the idle timeout that would close it anyway.
            s.setSoTimeout((int) LabBodyDeadline.WITHIN.plusSeconds(10).toMillis());
            s.getOutputStream().write(("POST /lab/faults HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 4000\r\n\r\n{").getBytes(StandardCharsets.UTF_8));

            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertEquals(new JsonObject().put("error", "request body not complete within 10 s of its headers (expected: the whole body "
                    + "at once, at most 4096 bytes)").encode(), answer.substring(answer.indexOf("\r\n\r\n") + 4));
        }
    }
}
