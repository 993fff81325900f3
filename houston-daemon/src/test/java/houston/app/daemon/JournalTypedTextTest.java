package houston.app.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import houston.core.engine.Inputs;
import houston.core.engine.OperatorCommand;
import houston.core.port.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What an operator typed is journaled as JSON text: one line per tick whatever it contains, read back unchanged. */
class JournalTypedTextTest {

    private static final String HOSTILE = "db\n{\"tick\":999,\"forged\":true}\r\u001b[2J \"quoted\" \\ \u2028 end";

    @TempDir
    Path dir;

    @Test
    void controlCharactersAndQuotesInAReasonStayInsideTheirLine() throws Exception {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        Instant at = Instant.parse("2026-11-30T12:00:00Z");
        OperatorCommand typed = new OperatorCommand.Evacuate("us-east-1", Duration.ofHours(1), HOSTILE, "alice\n\u001b[31mroot");

        journal.append(new Journal.Entry(1, at, Inputs.commands(typed), List.of()));
        journal.append(new Journal.Entry(2, at.plusSeconds(1), Inputs.NONE, List.of()));

        List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
        assertEquals(2, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            new ObjectMapper().readTree(line);
            assertFalse(line.chars().anyMatch(c -> c < 0x20), line);
        }
        assertEquals(List.of(typed), journal.records().get(0).inputs().commands());
    }
}
