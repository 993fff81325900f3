package houston.core.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertKindTest {

    @Test
    void aShortOutageEndsInSecondsNotZeroMinutes() {
        String notice = AlertKind.DNS_PUBLISH_FAILED.endedNotice(34_000, 3, 0);

        assertEquals("DNS publishes work again after 34 s (3 failures)", notice);
    }

    @Test
    void aLongOutageEndsInMinutesAndOneFailureIsSingular() {
        assertEquals("DNS data-plane fallback changes work again after 20 min (1 failure)",
                AlertKind.DNS_FALLBACK_FAILED.endedNotice(20 * 60_000 + 59_000, 1, 0));
    }

    @Test
    void aFlappingConditionSaysHowOftenItWorkedInBetween() {
        assertEquals("DNS publishes work again after 3 min (4 failures, on and off: worked again 1 time in between)",
                AlertKind.DNS_PUBLISH_FAILED.endedNotice(3 * 60_000, 4, 1));
    }

    /**
     * The watch raises its alert once per failure, not per failed read (one every 5 s): "(1 failure)" after
     * two minutes of refused reads read as if one read had failed.
     */
    @Test
    void theControlPlaneWatchsEndCountsNoReads() {
        assertEquals("DNS control-plane reads work again after 2 min",
                AlertKind.DNS_CONTROL_PLANE_DOWN.endedNotice(2 * 60_000, 1, 0));
        assertEquals("DNS control-plane reads work again after 3 min (on and off: worked again 1 time in between)",
                AlertKind.DNS_CONTROL_PLANE_DOWN.endedNotice(3 * 60_000, 2, 1));
    }
}
