package houston.app.cli;

import houston.app.bench.SoakBench;
import houston.app.bench.SoakReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code houston bench soak} for one minute: pushes at the accepted limits, connection floods and a
 * SIGKILL + restart every 30 s during an evacuation. Every restart must succeed, the daemon must never
 * die on its own, stay under 300 MB resident, close every flood connection and stop cleanly on SIGTERM.
 */
// Measures what a second JVM running ITs beside it would distort: runs alone (the parent pom.xml).
@Tag("load-sensitive")
class SoakIT {

    @Test
    void aMinuteOfLoadFloodsAndKillsNeverStopsTheDaemonForGood() throws Exception {
        StringWriter text = new StringWriter();

        SoakReport report = SoakBench.run(new PrintWriter(text, true), 1.0);

        System.out.println(text);
        assertEquals(1, report.kills(), text.toString());
        assertEquals(0, report.restartsFailed(), text.toString());
        assertEquals(0, report.unexpectedExits(), text.toString());
        assertEquals(0, report.finalExit(), text.toString());
        assertEquals(0, report.floodLeftOpen(), text.toString());
        // Under 300 MB resident with the launcher's options (docs/benchmarks.md).
        assertTrue(report.peakRssMb() > 0 && report.peakRssMb() < 300, text.toString());
        assertTrue(report.ticksSeen() > 0, text.toString());
        assertTrue(report.apiMs(0.99) > 0, text.toString());
        assertTrue(text.toString().contains("machine             "), text.toString());
    }
}
