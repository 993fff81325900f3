package houston.core.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertKindTest {

    @Test
    void aShortOutageEndsInSecondsNotZeroMinutes() {
        String notice = AlertKind.DNS_PUBLISH_FAILED.endedNotice(34_000, 3);

        assertEquals("DNS publishes work again after 34 s (3 failures)", notice);
    }

    @Test
    void aLongOutageEndsInMinutesAndOneFailureIsSingular() {
        assertEquals("DNS data-plane fallback changes work again after 20 min (1 failure)",
                AlertKind.DNS_FALLBACK_FAILED.endedNotice(20 * 60_000 + 59_000, 1));
    }
}
