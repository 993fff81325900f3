package houston.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What `run` would refuse at start, `validate` names first: secret files too short, a journal directory that is a file. */
class SecretFilesTest {

    @TempDir
    Path dir;

    private List<String> problems(String hocon) throws IOException {
        return ConfigFiles.problems(dir, hocon);
    }

    @Test
    void anApiTokenFileShorterThanSixteenBytesIsAProblem() throws IOException {
        Path token = Files.writeString(dir.resolve("short"), "short\n");

        List<String> problems = problems("houston.api.token-file = \"" + token + "\"\n");

        assertEquals(List.of("houston.api.token-file: " + token + " (expected: a readable file holding the shared secret, "
                + "at least 16 bytes; this one holds 5) in " + dir.resolve("houston.conf") + ":1"), problems);
    }

    @Test
    void anEmptySlackTokenFileIsAProblem() throws IOException {
        Path token = Files.writeString(dir.resolve("empty"), "  \n");

        List<String> problems = problems("houston.slack.token-file = \"" + token + "\"\n");

        assertEquals(List.of("houston.slack.token-file: " + token + " (expected: a readable file holding the bot token, "
                + "not empty; this one holds 0) in " + dir.resolve("houston.conf") + ":1"), problems);
    }

    @Test
    void aJournalDirectoryThatIsAFileIsAProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        List<String> problems = problems("houston.journal.dir = \"" + file + "\"\n");

        assertEquals(List.of("houston.journal.dir: " + file + " (expected: a directory, or a path where one can be "
                + "created) in " + dir.resolve("houston.conf") + ":1"), problems);
    }
}
