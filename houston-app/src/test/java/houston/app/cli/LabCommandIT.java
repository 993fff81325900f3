package houston.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
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

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = HoustonCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path journalOf(String banner) {
        Matcher m = Pattern.compile("journal\\s+(\\S+)").matcher(banner);
        assertTrue(m.find(), banner);
        return Path.of(m.group(1));
    }

    @Test
    void theBannerSaysTheStateIsEphemeralAndTheJournalIsGoneAfterwards() {
        int code = run("lab", "--port", "0", "--run-for", "PT1S");

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("the lab's state is ephemeral: this directory is deleted when the lab stops"),
                out.toString());
        assertFalse(Files.exists(journalOf(out.toString())), "the lab removes its journal directory");
    }

    @Test
    void onAnotherPortTheFaultCommandsNameThatPort() {
        int code = run("lab", "--port", "0", "--run-for", "PT1S");

        Matcher m = Pattern.compile("status page  http://localhost:(\\d+)/").matcher(out.toString());
        assertTrue(m.find(), out.toString());
        String port = m.group(1);
        assertEquals(0, code, err.toString());
        for (String fault : new String[]{"us-east-1 outage", "eu-west-1 brownout 30", "ap-northeast-1 latency 1500",
                "sa-east-1 flap", "vantage lab-us-east partition", "us-east-1 clear"}) {
            assertTrue(out.toString().contains("./houston lab fault --port " + port + " " + fault), out.toString());
        }
    }

    @Test
    void aLabOnATakenPortSaysSoWithoutAStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int code = run("lab", "--port", String.valueOf(taken.getLocalPort()), "--run-for", "PT1S");

            assertEquals(2, code, out + "" + err);
            assertTrue(err.toString().contains("houston lab: port " + taken.getLocalPort() + " is in use (another lab?); "
                    + "pass --port with a free one"), err.toString());
            assertFalse(err.toString().contains("Exception"), err.toString());
        }
    }

    @Test
    void runOnATakenPortNamesTheKeyAndTheFile() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Path conf = DaemonProcess.config(dir, 1, 2, "houston.http.port = " + taken.getLocalPort() + "\n");

            int code = run("run", "--config", conf.toString(), "--run-for", "PT1S");

            assertEquals(1, code, out + "" + err);
            assertTrue(err.toString().contains("houston.http.port: " + taken.getLocalPort() + " (expected: a free port: "
                    + "this one is in use (another houston?)) in " + conf), err.toString());
            assertFalse(err.toString().contains("Exception"), err.toString());
        }
    }
}
