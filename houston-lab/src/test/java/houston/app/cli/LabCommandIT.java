package houston.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code houston lab} and {@code houston run} through the CLI entry point, binding real loopback ports. */
class LabCommandIT {

    @TempDir
    Path dir;

    private final CliSession cli = new CliSession();

    private Path journalOf(String banner) {
        Matcher m = Pattern.compile("journal\\s+(\\S+)").matcher(banner);
        assertTrue(m.find(), banner);
        return Path.of(m.group(1));
    }

    @Test
    void theBannerSaysTheStateIsEphemeralAndTheJournalIsGoneAfterwards() {
        int code = cli.run("lab", "--port", "0", "--run-for", "PT1S");

        assertEquals(0, code, cli.err());
        assertTrue(cli.out().contains("the lab's state is ephemeral: this directory is deleted when the lab stops"),
                cli.out());
        assertFalse(Files.exists(journalOf(cli.out())), "the lab removes its journal directory");
    }

    @Test
    void onAnotherPortTheFaultCommandsNameThatPort() {
        int code = cli.run("lab", "--port", "0", "--run-for", "PT1S");

        Matcher m = Pattern.compile("status page  http://localhost:(\\d+)/").matcher(cli.out());
        assertTrue(m.find(), cli.out());
        String port = m.group(1);
        assertEquals(0, code, cli.err());
        for (String fault : new String[]{"us-east-1 outage", "eu-west-1 brownout 30", "ap-northeast-1 latency 1500",
                "sa-east-1 flap", "vantage lab-us-east partition", "us-east-1 clear", "dns-api down"}) {
            assertTrue(cli.out().contains("./houston lab fault --port " + port + " " + fault), cli.out());
        }
        assertTrue(cli.out().contains("./houston status --url http://localhost:" + port + "\n"), cli.out());
    }

    @Test
    void aLabOnATakenPortSaysSoWithoutAStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int code = cli.run("lab", "--port", String.valueOf(taken.getLocalPort()), "--run-for", "PT1S");

            assertEquals(2, code, cli.said());
            assertTrue(cli.err().contains("houston lab: port " + taken.getLocalPort() + " is in use (another lab?); "
                    + "pass --port with a free one"), cli.err());
            assertFalse(cli.err().contains("Exception"), cli.err());
        }
    }

    @Test
    void aReplicasLabWhoseReplicaPortIsTakenNamesThatPortAndTheRangeItNeeds() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int t = taken.getLocalPort();
            int code = cli.run("lab", "--port", String.valueOf(t - 2), "--replicas", "3", "--run-for", "PT1S");

            assertEquals(2, code, cli.said());
            assertTrue(cli.err().contains("houston lab: port " + t + " is in use (another lab?) (--replicas 3 needs ports "
                    + (t - 2) + ".." + (t + 1) + "); pass --port with a free one, e.g. --port " + (t + 2)), cli.err());
        }
    }

    @Test
    void runOnATakenPortNamesTheKeyAndTheFile() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Path conf = DaemonProcess.config(dir, 1, 2, "houston.http.port = " + taken.getLocalPort() + "\n");

            int code = cli.run("run", "--config", conf.toString(), "--run-for", "PT1S");

            assertEquals(1, code, cli.said());
            assertTrue(cli.err().contains("houston.http.port: " + taken.getLocalPort() + " (expected: a free port: "
                    + "this one is in use (another houston?)) in " + conf), cli.err());
            assertFalse(cli.err().contains("Exception"), cli.err());
        }
    }

    @Test
    void runWithAJournalDirectoryItCannotUseNamesTheKeyAndTheFile() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("not-a-directory"), "x");
        Path conf = DaemonProcess.config(dir, 1, 2, "houston.journal.dir = \"" + notADirectory.resolve("journal") + "\"\n");

        int code = cli.run("run", "--config", conf.toString(), "--run-for", "PT1S");

        assertEquals(1, code, cli.said());
        assertTrue(cli.err().contains("houston.journal.dir: " + notADirectory.resolve("journal") + " (expected: a "
                + "directory this user can write: "), cli.err());
        assertTrue(cli.err().contains(") in " + conf), cli.err());
        assertFalse(cli.err().contains("Exception"), cli.err());
    }

    @Test
    void anUnknownTargetIsNamedInTheCommandsWordsNotTheApis() throws Exception {
        // The lab's answer to an unknown target (LabIT checks the lab gives it): its text names the API's syntax.
        String answer = new io.vertx.core.json.JsonObject().put("error", "unknown target 'mars-1' (expected: a location, "
                + "vantage:NAME or dns-api; known locations: [us-east-1, eu-west-1])")
                .put("knownLocations", new io.vertx.core.json.JsonArray().add("us-east-1").add("eu-west-1")).encode();
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            var lab = vertx.createHttpServer().requestHandler(r -> r.response().setStatusCode(400)
                    .putHeader("Content-Type", "application/json").end(answer)).listen(0, "127.0.0.1")
                    .await(10, java.util.concurrent.TimeUnit.SECONDS);

            int code = cli.run("lab", "fault", "mars-1", "outage", "--port", String.valueOf(lab.actualPort()));

            assertEquals(2, code, cli.said());
            assertEquals("houston lab fault: unknown target 'mars-1' (expected: a location, vantage NAME, controller N "
                    + "or dns-api; known locations: [us-east-1, eu-west-1])", cli.err().strip());
        } finally {
            vertx.close().await(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void aFaultSentToAPortWhereNoLabListensSaysSoWithExitThree() throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            for (int status : new int[]{404, 200}) {
                var other = vertx.createHttpServer().requestHandler(r -> r.response().setStatusCode(status)
                        .end("<html>someone else's server</html>")).listen(0, "127.0.0.1")
                        .await(10, java.util.concurrent.TimeUnit.SECONDS);
                String port = String.valueOf(other.actualPort());

                int code = cli.run("lab", "fault", "us-east-1", "outage", "--port", port);

                assertEquals(3, code, status + ": " + cli.said());
                assertTrue(cli.err().contains("houston lab fault: port " + port + " answered HTTP " + status
                        + ", not as a Houston lab (start one with ./houston lab --port " + port + ")"), cli.said());
                assertFalse(cli.said().contains("unexpected failure"), cli.said());
            }
        } finally {
            vertx.close().await(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
