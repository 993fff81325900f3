package houston.core.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Alerts are counted and told as people hear them, not as the engine raises them. */
class AlertStreaksTest {

    private static final ActionOutcome INSYNC = new ActionOutcome.PlanPublished(3,
            ActionOutcome.PublishStatus.INSYNC, "", Duration.ofSeconds(1));
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void aPublishFailingOnEveryRetryIsToldOnceThenEveryFifteenMinutesAndItsEndWithTheCount() {
        AlertStreaks alerts = new AlertStreaks();
        List<AlertStreaks.Told> told = new java.util.ArrayList<>();

        for (long s = 0; s < 20 * 60; s += 30) {
            AlertStreaks.Told t = alerts.raised(AlertKind.DNS_PUBLISH_FAILED, T0.plusSeconds(s));
            if (t != null) {
                told.add(t);
            }
        }
        List<String> end = alerts.ended(List.of(INSYNC), T0.plusSeconds(20 * 60));

        assertEquals(List.of(new AlertStreaks.Told(T0, 1, 0), new AlertStreaks.Told(T0, 31, 0)), told,
                "the first, and one reminder at 15 min counting every failure since the first");
        assertEquals(List.of("DNS publishes work again after 20 min (40 failures); if they fail again within 15 min, that is told with the next reminder"), end);
    }

    @Test
    void aPublishOutageShorterThanAMinuteEndsInSeconds() {
        AlertStreaks alerts = new AlertStreaks();
        alerts.raised(AlertKind.DNS_PUBLISH_FAILED, T0);

        List<String> end = alerts.ended(List.of(INSYNC), T0.plusSeconds(34));

        assertEquals(List.of("DNS publishes work again after 34 s (1 failure); if they fail again within 15 min, that is told with the next reminder"), end);
    }

    @Test
    void aConditionFlappingEveryTwoMinutesIsToldOnceThenAsAReminderNotOnEveryCycle() {
        // The API fails for a minute (two failed retries), works for a minute, for 30 minutes.
        AlertStreaks alerts = new AlertStreaks();
        List<AlertStreaks.Told> told = new java.util.ArrayList<>();
        List<String> ends = new java.util.ArrayList<>();

        for (long cycle = 0; cycle < 15; cycle++) {
            long s = cycle * 120;
            for (long f = s; f < s + 60; f += 30) {
                AlertStreaks.Told t = alerts.raised(AlertKind.DNS_PUBLISH_FAILED, T0.plusSeconds(f));
                if (t != null) {
                    told.add(t);
                }
            }
            ends.addAll(alerts.ended(List.of(INSYNC), T0.plusSeconds(s + 60)));
        }

        assertEquals(List.of(new AlertStreaks.Told(T0, 1, 0), new AlertStreaks.Told(T0, 17, 8)), told,
                "the first, then a reminder 15 min later counting every failure and recovery since the first");
        assertEquals(List.of("DNS publishes work again after 1 min (2 failures); if they fail again within 15 min,"
                        + " that is told with the next reminder",
                "DNS publishes work again after 17 min (18 failures, on and off: worked again 8 times in between);"
                        + " if they fail again within 15 min, that is told with the next reminder"), ends);
    }

    @Test
    void aConditionReturningLongAfterItEndedStartsAfresh() {
        AlertStreaks alerts = new AlertStreaks();
        alerts.raised(AlertKind.DNS_PUBLISH_FAILED, T0);
        alerts.ended(List.of(INSYNC), T0.plusSeconds(10));

        AlertStreaks.Told again = alerts.raised(AlertKind.DNS_PUBLISH_FAILED, T0.plusSeconds(10 + 15 * 60));

        assertEquals(new AlertStreaks.Told(T0.plusSeconds(10 + 15 * 60), 1, 0), again);
    }

    @Test
    void aReadAnsweredEndsTheControlPlaneWatchsStreak() {
        AlertStreaks alerts = new AlertStreaks();
        alerts.raised(AlertKind.DNS_CONTROL_PLANE_DOWN, T0);
        assertNull(alerts.raised(AlertKind.DNS_CONTROL_PLANE_DOWN, T0.plusSeconds(5)));

        List<String> end = alerts.watched(List.of(new Inputs.ControlPlaneReading(65_000, true, "")), T0.plusSeconds(65));

        assertEquals(List.of("DNS control-plane reads work again after 1 min; if they fail again within 15 min, that is told with the next reminder"), end);
    }

    @Test
    void otherAlertsAreToldEachTime() {
        AlertStreaks alerts = new AlertStreaks();

        alerts.raised(AlertKind.EVACUATION_HELD, T0);

        assertNotNull(alerts.raised(AlertKind.EVACUATION_HELD, T0.plusSeconds(1)));
    }
}
