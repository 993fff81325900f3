package houston.ha;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TakeoverFailuresTest {

    private static final long SECOND = 1_000_000_000L;
    private final TakeoverFailures failures = new TakeoverFailures();

    @Test
    void aTakeoverFailingForTwoMinutesPagesOnceAndLogsOncePerMinute() {
        List<TakeoverFailures.Next> all = new ArrayList<>();
        for (long t = 0; t <= 120; t++) {
            all.add(failures.failed("fence refused", t * SECOND));
        }

        long pages = all.stream().filter(TakeoverFailures.Next::page).count();
        long lines = all.stream().filter(TakeoverFailures.Next::log).count();
        assertEquals(1, pages);
        assertEquals(3, lines, "at 0 s, 60 s and 120 s");
        assertEquals("fence refused", failures.problem());
    }

    @Test
    void retriesBackOffFromHalfASecondToTenSeconds() {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            delays.add(failures.failed("dns down", i * SECOND).delayMillis());
        }

        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 10000L, 10000L), delays);
    }

    @Test
    void aNewStreakAfterASuccessPagesAgain() {
        failures.failed("dns down", 0);
        failures.reset();

        TakeoverFailures.Next next = failures.failed("dns down", SECOND);

        assertEquals(1, next.failures());
        assertEquals(true, next.page());
        failures.reset();
        assertNull(failures.problem());
    }
}
