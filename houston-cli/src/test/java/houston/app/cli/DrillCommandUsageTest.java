package houston.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code houston drill} typed without what it needs: a usage error (exit 2) that says what is missing. */
class DrillCommandUsageTest {

    @TempDir
    Path dir;

    @Test
    void runWithoutAFileIsAUsageError() {
        CliRun run = CliRun.of("drill", "run");

        assertEquals(2, run.code(), run.said());
        assertTrue(run.err().contains("Missing required parameter: 'FILE|DIR'"), run.said());
        assertTrue(run.err().contains("Usage: houston drill"), run.said());
        assertFalse(run.said().contains("unexpected failure"), run.said());
    }

    @Test
    void tableWithoutADirectoryIsAUsageError() {
        CliRun run = CliRun.of("drill", "table");

        assertEquals(2, run.code(), run.said());
        assertTrue(run.err().contains("Missing required parameter: 'FILE|DIR'"), run.said());
        assertFalse(run.said().contains("unexpected failure"), run.said());
    }

    @Test
    void tableOfADirectoryWithNoDrillFilesSaysSoAndFails() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not a drill");

        CliRun run = CliRun.of("drill", "table", empty.toString());

        assertEquals(2, run.code(), run.said());
        assertEquals("houston drill table: " + empty + " has no drill files (expected: *.conf drill files, "
                + "e.g. config/drills)\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void tableRunsEveryDrillOnTheSeedGiven() throws Exception {
        Path drills = Files.createDirectory(dir.resolve("drills"));
        Files.writeString(drills.resolve("short.conf"), "drill { name = short, length = 60s, seed = 3, faults = "
                + "[{ kind = outage, target = eu-west-1, at = 10s, length = 20s }] }\n");

        CliRun run = CliRun.of("drill", "table", "--seed", "7", drills.toString());

        assertTrue(run.err().contains("drill 1/1: short (seed 7)"), run.said());
        assertTrue(run.out().contains("| short |"), run.said());
    }

    @Test
    void tableRefusesAReportItWouldNotWrite() throws Exception {
        Path drills = Files.createDirectory(dir.resolve("drills"));
        Path report = dir.resolve("r.html");

        CliRun run = CliRun.of("drill", "table", drills.toString(), "--report", report.toString());

        assertEquals(2, run.code(), run.said());
        assertTrue(run.err().contains("--report: " + report + " (expected: only with 'drill run FILE'"), run.said());
        assertFalse(Files.exists(report));
    }
}
