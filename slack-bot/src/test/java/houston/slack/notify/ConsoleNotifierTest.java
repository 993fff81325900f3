package houston.slack.notify;

import houston.core.engine.Action;
import houston.core.engine.AlertKind;
import houston.core.engine.Decision;
import houston.core.engine.DecisionKind;
import houston.core.engine.Explanation;
import houston.core.health.LocationHealth;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lab's console: plain text for a terminal, not Slack's markup. */
class ConsoleNotifierTest {

    private static final Instant START = Instant.parse("2026-11-30T12:00:03Z");
    private static final String INCIDENT = "us-east-1@" + START;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleNotifier console = new ConsoleNotifier(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-11-30T12:09:00Z"), ZoneOffset.UTC));

    private static Decision decision(Instant at, DecisionKind kind, String summary) {
        LocationHealth health = new LocationHealth(0.1, Map.of("lab-us-east", 0.0, "lab-eu-west", 0.2),
                List.of("lab-us-east", "lab-eu-west"), List.of());
        Explanation why = new Explanation(health, new Explanation.Thresholds(2, 0.5, 0.8, 0.2, 2, 60), List.of(),
                List.of());
        return new Decision(at, "us-east-1", kind, INCIDENT, summary, false, why);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void decisionsPrintAsPlainTextWithoutSlackMarkup() {
        console.notify(new Action.Notify(decision(START, DecisionKind.EVACUATION_DECIDED, "evacuate us-east-1")));
        console.alert(new Action.Alert(AlertKind.EVACUATION_HELD, "3 evacuations in 10m", null));

        assertFalse(printed().matches("(?s).*:[a-z_]+:.*"), printed());
        assertFalse(printed().contains("*"), printed());
        assertTrue(printed().contains("us-east-1  evacuation decided: evacuate us-east-1"), printed());
        assertTrue(printed().contains("ALERT evacuation held: 3 evacuations in 10m"), printed());
    }

    @Test
    void theScoreBlockIsPrintedOncePerIncident() {
        console.notify(new Action.Notify(decision(START, DecisionKind.SUSPECTED, "us-east-1 looks bad")));
        console.notify(new Action.Notify(decision(START.plusSeconds(2), DecisionKind.EVACUATION_DECIDED, "evacuate")));
        console.notify(new Action.Notify(decision(START.plusSeconds(3), DecisionKind.TRAFFIC_SHIFTED, "shifted")));

        assertEquals(1, printed().split("lab-us-east", -1).length - 1, printed());
        assertEquals(1, printed().split("score 0.100", -1).length - 1, printed());
    }

    @Test
    void eachMessageIsStampedWithItsOwnTime() {
        console.notify(new Action.Notify(decision(START, DecisionKind.SUSPECTED, "us-east-1 looks bad")));
        console.notify(new Action.Notify(decision(START.plusSeconds(62), DecisionKind.TRAFFIC_SHIFTED, "shifted")));
        console.alert(new Action.Alert(AlertKind.FAIL_STATIC, "6 of 15 bad", null));

        List<String> lines = printed().lines().filter(l -> !l.startsWith(" ")).toList();
        assertTrue(lines.get(0).startsWith("12:00:03 "), lines.toString());
        assertTrue(lines.get(1).startsWith("12:01:05 "), lines.toString());
        assertTrue(lines.get(2).startsWith("12:09:00 "), lines.toString());
        assertFalse(printed().contains(START.toString()), "the incident's start stamped on every message:\n" + printed());
    }
}
