package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.AlertKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What people hear of a DNS API that fails for a minute and works for a minute, for half an hour. */
class RepeatedAlertsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void aFlappingApiPagesOnceThenRemindsThatItFailsOnAndOff() {
        RepeatedAlerts alerts = new RepeatedAlerts();
        Action.Alert failed = new Action.Alert(AlertKind.DNS_PUBLISH_FAILED, "ServiceUnavailable", null);
        List<Action.Alert> told = new ArrayList<>();
        List<Action.Notify> ends = new ArrayList<>();

        for (long s = 0; s < 30 * 60; s += 120) {
            for (long f = s; f < s + 60; f += 30) {
                Action.Alert a = alerts.pass(failed, T0.plusSeconds(f), "incident-1");
                if (a != null) {
                    told.add(a);
                }
            }
            ends.addAll(alerts.ended(List.of(new ActionOutcome.PlanPublished(1, ActionOutcome.PublishStatus.INSYNC, "",
                    Duration.ofSeconds(1))), T0.plusSeconds(s + 60), "incident-1"));
        }

        assertEquals(2, told.size(), "the first failure and one reminder, not one page per cycle");
        assertEquals("DNS publishes failing on and off for 16 min (17 failures since 2026-11-27T12:00:00Z, worked again"
                + " 8 times in between): ServiceUnavailable", told.get(1).message());
        assertEquals(2, ends.size(), "the first end, and the end after the reminder");
        assertTrue(ends.get(1).decision().summary().startsWith("DNS publishes work again after 17 min"),
                ends.get(1).decision().summary());
    }
}
