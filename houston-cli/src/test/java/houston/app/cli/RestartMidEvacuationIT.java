package houston.app.cli;

import houston.app.wiring.SlackStandIn;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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

    @org.junit.jupiter.api.extension.RegisterExtension
    final CanarySites sites = new CanarySites(2);
    @org.junit.jupiter.api.extension.RegisterExtension
    final SlackStandIn slack = new SlackStandIn();

    private Path config() throws Exception {
        return DaemonProcess.config(dir, sites.port(0), sites.port(1), slack.settings(dir)
                + "houston.probes { interval = 200ms, jitter = 20ms }\n"
                + "houston.health { window = 1s, min-samples = 3 }\n"
                + "houston.hysteresis { down-hold = 500ms, up-hold = 1h }\n");
    }

    // How long each daemon runs, counted from when it listens (run-for): the first must take its probe
    // windows, break, detect and publish inside it, the second must answer 3 s after it started. 8 s and
    // 5 s were met on an idle machine and missed when another test JVM shared its two cores.
    private static final int FIRST_RUNS_FOR = 12;
    private static final int SECOND_RUNS_FOR = 8;

    @Test
    void aRestartMidEvacuationKeepsTheEvacuationTheDnsAndTheOneSlackThread() throws Exception {
        Path conf = config();
        DaemonProcess first = DaemonProcess.start(conf, FIRST_RUNS_FOR);
        Thread.sleep(1500);
        sites.breakSite(0);
        first.awaitGeneration(1);
        JsonObject during = first.plan();
        first.await();
        int repliesBefore = slack.replies().size();

        DaemonProcess second = DaemonProcess.start(conf, SECOND_RUNS_FOR);
        Thread.sleep(3000);
        JsonObject after = second.plan();
        String locations = second.send(second.request("/v1/locations")).body();
        second.await();

        assertEquals(1.0, during.getJsonObject("rows").getJsonObject("lab-a").getDouble("lab-b"), 1e-9, during.encode());
        assertEquals(1, after.getLong("generation"), "a restart must not publish again: " + after);
        assertEquals(1.0, after.getJsonObject("rows").getJsonObject("lab-a").getDouble("lab-b"), 1e-9);
        assertTrue(locations.contains("\"evacuated\""), locations);
        assertEquals(1, slack.threadStarts().size(), "one incident, one thread: " + slack.threadStarts());
        assertTrue(repliesBefore >= 2, "the thread carries the steps: " + slack.replies());
        assertTrue(slack.replies().stream().allMatch(r -> r.getBodyAsString().contains("thread_ts=" + SlackStandIn.THREAD_TS)));
    }
}
