package houston.app.lab;

import houston.app.config.HoustonConfigLoader;
import houston.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the lab prints on its console for an incident is plain text for a terminal: no Slack emoji
 * codes or bold marks, the per-vantage scores once per incident rather than under every message, and
 * each message stamped with the time it happened (the notifier's own rules are ConsoleNotifierTest's).
 */
// Its lab must see an incident through within a bound: beside a lab and a browser its probes have all timed
// out and it went fail-static instead. Runs beside at most one other lab, never beside JVMs starting or a
// browser (lab-paced, the parent pom.xml).
@Tag("lab-paced")
class LabConsoleIT {

    private static final Pattern SLACK_MARKUP = Pattern.compile(":[a-z_]+:|\\*[^*\\s][^*]*\\*");
    private static final Pattern SCORE_LINE = Pattern.compile("^\\s+lab-us-east\\s+\\d\\.\\d+.*");
    private static final Pattern STAMP = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d) .*");

    @TempDir
    Path dir;

    private Lab lab;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        lab = Lab.start(HoustonConfigLoader.load(null), 0, dir.resolve("journal"), new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        lab.close();
    }

    @Test
    void anIncidentPrintsPlainTextStampedWithEachMessagesOwnTime() throws Exception {
        Eventually.await(Duration.ofSeconds(20), () -> lab.daemon().loop().state().tick() > 6);
        int before = console.size();
        assertEquals(200, LabFaultRequest.send(lab, "us-east-1", "outage"));

        Eventually.await(Duration.ofSeconds(30), () -> messages(before).size() >= 3);
        Thread.sleep(2_000); // let the incident's next messages arrive too: the rules hold for all of them
        String printed = console.toString(StandardCharsets.UTF_8).substring(before);
        List<String> messages = messages(before);

        assertFalse(SLACK_MARKUP.matcher(printed).find(), "Slack markup on the console:\n" + printed);
        // Headlines name the agreeing vantages; the indented per-vantage score lines are the block that must not repeat.
        // At most once: on a loaded machine the incident's first message (which carries it) may precede the fault.
        assertTrue(printed.lines().filter(l -> SCORE_LINE.matcher(l).matches()).count() <= 1,
                "the score block once per incident:\n" + printed);
        long stamps = messages.stream().map(m -> STAMP.matcher(m).replaceFirst("$1")).distinct().count();
        assertTrue(stamps >= 2, "messages of an incident carry their own times, not its start:\n" + printed);
    }

    /** The top-level lines printed since {@code from}: one per message (evidence is indented under it). */
    private List<String> messages(int from) {
        return console.toString(StandardCharsets.UTF_8).substring(from).lines()
                .filter(l -> STAMP.matcher(l).matches() && l.contains("us-east-1")).toList();
    }
}
