package houston.sim;

import houston.core.engine.ActionOutcome;
import houston.core.engine.AlertKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report counts safety alerts as the daemon tells them, not as the engine raises them. */
class ToldAlertsTest {

    private static final ActionOutcome INSYNC = new ActionOutcome.PlanPublished(3,
            ActionOutcome.PublishStatus.INSYNC, "", Duration.ofSeconds(1));

    @Test
    void aPublishFailingOnEveryRetryIsToldOnceThenEveryFifteenMinutesAndItsEndWithTheCount() {
        ToldAlerts alerts = new ToldAlerts();
        long told = 0;

        for (long s = 0; s < 20 * 60; s += 30) {
            told += alerts.told(AlertKind.DNS_PUBLISH_FAILED, s * 1000) ? 1 : 0;
        }
        List<String> end = alerts.ended(List.of(INSYNC), 20 * 60_000);

        assertEquals(2, told, "the first and one reminder at 15 min");
        assertEquals(List.of("DNS publishes work again after 20 min (40 failures)"), end);
    }

    @Test
    void aPublishOutageShorterThanAMinuteEndsInSeconds() {
        ToldAlerts alerts = new ToldAlerts();
        alerts.told(AlertKind.DNS_PUBLISH_FAILED, 0);

        List<String> end = alerts.ended(List.of(INSYNC), 34_000);

        assertEquals(List.of("DNS publishes work again after 34 s (1 failure)"), end);
    }

    @Test
    void otherAlertsAreToldEachTime() {
        ToldAlerts alerts = new ToldAlerts();

        alerts.told(AlertKind.EVACUATION_HELD, 0);

        assertTrue(alerts.told(AlertKind.EVACUATION_HELD, 1000));
    }
}
