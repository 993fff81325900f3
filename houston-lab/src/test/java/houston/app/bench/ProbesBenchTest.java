package houston.app.bench;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probes table: failures by outcome, and a run with failures is never quoted as a ratio. */
class ProbesBenchTest {

    private static String table(ProbeThroughput houston, ProbeThroughput blackbox) {
        StringWriter text = new StringWriter();
        ProbesBench.table(new PrintWriter(text, true), houston, blackbox);
        return text.toString();
    }

    @Test
    void aRunWithFailedProbesIsInvalidByOutcomeAndGetsNoRatio() {
        ProbeThroughput houston = new ProbeThroughput("houston", 132_860, 11_000, 20, 5.3, 38.0,
                Map.of("timeout", 10_998L, "connect_error", 2L));
        ProbeThroughput blackbox = new ProbeThroughput("blackbox_exporter", 46_640, 0, 20, 17.0, Double.NaN, Map.of());

        String printed = table(houston, blackbox);

        assertTrue(printed.contains("houston:           INVALID, do not quote: 11000 failed (connect_error 2, timeout 10998)"),
                printed);
        assertTrue(printed.contains("blackbox_exporter: valid (0 failed probes)"), printed);
        assertFalse(printed.matches("(?s).*\\d\\.\\dx.*"), "no ratio from an invalid run:\n" + printed);
    }

    @Test
    void lagPastFiftyMillisecondsIsInvalidToo() {
        ProbeThroughput late = new ProbeThroughput("houston", 100_000, 0, 20, 4.0, 63.5, Map.of());

        String printed = table(late, null);

        assertTrue(printed.contains("INVALID, do not quote: p99 lag 63.5 ms >= 50 ms"), printed);
    }

    @Test
    void cleanRunsGetTheirRatios() {
        ProbeThroughput houston = new ProbeThroughput("houston", 238_020, 0, 20, 9.57, 13.1, Map.of());
        ProbeThroughput blackbox = new ProbeThroughput("blackbox_exporter", 87_400, 0, 20, 32.34, Double.NaN, Map.of());

        String printed = table(houston, blackbox);

        assertTrue(printed.contains("2.7x"), printed);
        assertTrue(printed.contains("houston:           valid (0 failed probes)"), printed);
    }
}
