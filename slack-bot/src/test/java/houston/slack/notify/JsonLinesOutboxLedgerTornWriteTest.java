package houston.slack.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A SIGKILL can stop the ledger at any byte of an append or of a compaction (temporary file written,
 * then renamed over the ledger). Each state is written here directly, and reopening must owe exactly
 * what the last whole line said.
 */
class JsonLinesOutboxLedgerTornWriteTest {

    @TempDir
    Path dir;

    private static final String QUEUED_A = "{\"id\":1,\"queued\":{\"text\":\"lab-a evacuating\",\"blocks\":\"[]\","
            + "\"incident\":\"inc-1\",\"alert\":false}}\n";
    private static final String QUEUED_B = "{\"id\":2,\"queued\":{\"text\":\"lab-b → lab-c … 95 % déjà\",\"blocks\":\"[]\","
            + "\"incident\":\"inc-2\",\"alert\":false}}\n";
    private static final List<String> HISTORY = List.of(QUEUED_A, "{\"id\":1,\"at\":\"posting\"}\n",
            "{\"id\":1,\"at\":\"settled\"}\n", QUEUED_B, "{\"id\":2,\"at\":\"posting\"}\n");
    /** What is owed after each whole line of HISTORY (index: how many lines are whole). */
    private static final List<String> OWED_AFTER = List.of("", "1:owed", "1:maybe-posted", "", "2:owed", "2:maybe-posted");

    private Path ledger() {
        return dir.resolve("slack-outbox.jsonl");
    }

    private String owedAfterReopening() throws Exception {
        List<String> owed = new JsonLinesOutboxLedger(ledger()).owed().stream()
                .map(o -> o.id() + ":" + (o.maybePosted() ? "maybe-posted" : "owed")).toList();
        return String.join(",", owed);
    }

    @Test
    void anAppendCutAtAnyByteOwesWhatTheLastWholeLineSaid() throws Exception {
        byte[] all = String.join("", HISTORY).getBytes(StandardCharsets.UTF_8);
        int whole = 0;
        for (int cut = 0; cut <= all.length; cut++) {
            // A line is whole once its JSON is: the newline only separates it from the next.
            if (cut < all.length && all[cut] == '\n') {
                whole++;
            }
            Files.write(ledger(), Arrays.copyOf(all, cut));

            String owed = owedAfterReopening();

            assertEquals(OWED_AFTER.get(whole), owed, "ledger cut after byte " + cut + " of " + all.length);
        }
    }

    @Test
    void aCompactionKilledWhileWritingItsTemporaryFileLeavesTheLedgerAsItWas() throws Exception {
        Files.writeString(ledger(), String.join("", HISTORY));
        Files.writeString(dir.resolve("slack-outbox.jsonl.tmp"), QUEUED_B.substring(0, 30));

        String owed = owedAfterReopening();

        assertEquals("2:maybe-posted", owed);
        assertEquals("2:maybe-posted", owedAfterReopening(), "the same again after a second restart");
    }

    @Test
    void aCompactionKilledBeforeItsRenameLeavesTheLedgerAsItWas() throws Exception {
        Files.writeString(ledger(), String.join("", HISTORY));
        Files.writeString(dir.resolve("slack-outbox.jsonl.tmp"), QUEUED_B + "{\"id\":2,\"at\":\"posting\"}\n");

        String owed = owedAfterReopening();

        assertEquals("2:maybe-posted", owed);
    }

    @Test
    void aCompactionKilledAfterItsRenameOwesTheSame() throws Exception {
        Files.writeString(ledger(), QUEUED_B + "{\"id\":2,\"at\":\"posting\"}\n");

        String owed = owedAfterReopening();

        assertEquals("2:maybe-posted", owed);
    }

    @Test
    void aLedgerReopenedAfterATornLineKeepsAppendingWholeLines() throws Exception {
        Files.writeString(ledger(), QUEUED_A + QUEUED_B.substring(0, 40));
        JsonLinesOutboxLedger reopened = new JsonLinesOutboxLedger(ledger());

        reopened.settled(reopened.queued(new SlackMessage("lab-d evacuating", "[]", null, false)));

        assertEquals("1:owed", owedAfterReopening());
    }

    @Test
    void aCompactionThatCannotWriteItsTemporaryFileKeepsTheLedgerRecording() throws Exception {
        JsonLinesOutboxLedger ledger = new JsonLinesOutboxLedger(ledger());
        Path blocked = Files.createDirectories(dir.resolve("slack-outbox.jsonl.tmp"));
        Files.writeString(blocked.resolve("in-the-way"), "x");
        for (int i = 0; i < 600; i++) {
            ledger.settled(ledger.queued(new SlackMessage("posted " + i, "[]", null, false)));
        }

        ledger.queued(new SlackMessage("lab-e evacuating", "[]", null, false));

        Files.delete(blocked.resolve("in-the-way"));
        Files.delete(blocked);
        assertEquals(List.of("lab-e evacuating"),
                new JsonLinesOutboxLedger(ledger()).owed().stream().map(o -> o.message().text()).toList());
    }
}
