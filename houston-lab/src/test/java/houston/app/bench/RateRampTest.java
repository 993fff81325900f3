package houston.app.bench;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateRampTest {

    private final StringWriter text = new StringWriter();
    private final List<Integer> ran = new ArrayList<>();

    /** A prober that keeps up to 1,500 targets, then times out; lag grows with the load. */
    private ProbeThroughput step(int targets) {
        ran.add(targets);
        long failed = targets > 1500 ? targets / 10 : 0;
        return new ProbeThroughput("houston", targets * 100L, failed, 20, 1, targets / 100.0,
                failed == 0 ? Map.of() : Map.of("timeout", failed));
    }

    @Test
    void reportsTheLastCleanStepAndStopsAtTheFirstFailure() throws Exception {
        ProbeThroughput best = RateRamp.highestClean("houston", List.of(500, 1000, 1500, 2000, 2500), "targets",
                this::step, new PrintWriter(text, true));

        assertEquals(150_000, best.probes());
        assertEquals(List.of(500, 1000, 1500, 2000), ran);
        assertTrue(text.toString().lines().anyMatch(l -> l.matches(
                "\\s+houston\\s+2000 targets\\s+10000 results/s  INVALID: 200 failed \\(timeout 200\\)")), text.toString());
    }

    @Test
    void lagPastTheLimitEndsTheRampToo() throws Exception {
        ProbeThroughput best = RateRamp.highestClean("houston", List.of(6000), "targets",
                t -> new ProbeThroughput("houston", 1000, 0, 20, 1, 60.0, Map.of()), new PrintWriter(text, true));

        assertNull(best);
    }
}
