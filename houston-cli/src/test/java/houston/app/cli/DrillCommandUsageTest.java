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
}
