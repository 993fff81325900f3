package houston.app.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What escapes a command is said in one line a human can act on. */
class FailureLineTest {

    @Test
    void aFileTheDaemonCannotWriteIsNamedWithTheSystemsReasonAndNotCalledADefect() {
        Exception e = new UncheckedIOException("cannot keep the Slack outbox in /var/lib/houston/slack-outbox.jsonl",
                new AccessDeniedException("/var/lib/houston/slack-outbox.jsonl", null, "Permission denied"));

        String line = HoustonCli.describe(e);

        assertEquals("cannot keep the Slack outbox in /var/lib/houston/slack-outbox.jsonl: Permission denied (expected: "
                + "a file the daemon's user can read and write, on a disk with room; fix the path's owner, mode or space "
                + "and start again)", line);
    }

    @Test
    void anIoFailureWithoutAReasonNamesItsKind() {
        Exception e = new UncheckedIOException("cannot write the journal", new IOException("No space left on device"));

        String line = HoustonCli.describe(e);

        assertEquals("cannot write the journal: IOException No space left on device (expected: a file the daemon's user "
                + "can read and write, on a disk with room; fix the path's owner, mode or space and start again)", line);
    }

    @Test
    void anythingElseIsADefectToReport() {
        String line = HoustonCli.describe(new IllegalStateException("boom"));

        assertEquals("unexpected failure: boom (please report it; HOUSTON_DEBUG=1 shows where it happened)", line);
    }
}
