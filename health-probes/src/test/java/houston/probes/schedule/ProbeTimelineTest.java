package houston.probes.schedule;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeTimelineTest {

    @Test
    void firstProbesAreSpreadOverOneInterval() {
        ProbeTimeline t = new ProbeTimeline(1000, 200, new SplittableRandom(7));

        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 1000; i++) {
            long due = t.firstDue(50_000);
            min = Math.min(min, due);
            max = Math.max(max, due);
        }

        assertTrue(min >= 50_000 && min < 50_050, "min " + min);
        assertTrue(max < 51_000 && max > 50_950, "max " + max);
    }

    @Test
    void nextProbeIsOneIntervalPlusAtMostTheJitterAfterThePreviousDueTime() {
        ProbeTimeline t = new ProbeTimeline(1000, 200, new SplittableRandom(7));

        for (int i = 0; i < 1000; i++) {
            long next = t.nextDue(10_000, 10_300);
            assertTrue(next >= 11_000 && next <= 11_200, "next " + next);
        }
    }

    @Test
    void slowProbeDoesNotShiftItsTargetsRhythm() {
        ProbeTimeline t = new ProbeTimeline(1000, 0, new SplittableRandom(7));

        // The previous probe was due at 10,000 and it is 10,900 now (it took 900 ms): still due at 11,000.
        assertEquals(11_000, t.nextDue(10_000, 10_900));
    }

    @Test
    void schedulerFarBehindSkipsMissedSlotsInsteadOfBursting() {
        ProbeTimeline t = new ProbeTimeline(1000, 0, new SplittableRandom(7));

        assertEquals(20_000, t.nextDue(10_000, 20_000));
    }
}
