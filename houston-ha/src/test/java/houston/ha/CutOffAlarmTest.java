package houston.ha;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CutOffAlarmTest {

    private static final long SECOND = 1_000_000_000L;
    private final CutOffAlarm alarm = new CutOffAlarm(Duration.ofSeconds(6), 0);

    @Test
    void aReplicaThatNeverReachesTheEnsemblePagesOnceASessionAfterStarting() {
        boolean early = alarm.due(5 * SECOND);

        boolean atSession = alarm.due(6 * SECOND);
        boolean again = alarm.due(60 * SECOND);

        assertFalse(early);
        assertTrue(atSession);
        assertFalse(again, "once per outage");
    }

    @Test
    void connectedInTimeNeverPages() {
        alarm.connected();

        assertFalse(alarm.due(60 * SECOND));
    }

    @Test
    void theOutageCountsFromTheFirstDisconnectionNotFromTheLaterLost() {
        alarm.connected();
        alarm.disconnected(10 * SECOND);
        alarm.disconnected(15 * SECOND);

        assertFalse(alarm.due(15 * SECOND));
        assertTrue(alarm.due(16 * SECOND));
    }

    @Test
    void aReconnectionEndsTheOutageAndTheNextOnePagesAgain() {
        alarm.connected();
        alarm.disconnected(10 * SECOND);
        boolean first = alarm.due(16 * SECOND);
        alarm.connected();
        alarm.disconnected(20 * SECOND);

        boolean shortOutage = alarm.due(25 * SECOND);
        boolean second = alarm.due(26 * SECOND);

        assertEquals(java.util.List.of(true, false, true), java.util.List.of(first, shortOutage, second));
    }
}
