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

    /** A file holding {@code content}, for a key to name. */
    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("named-file"), content);
    }

    /** What validate says of a config whose {@code key} names {@code file}. */
    private List<String> problemsNaming(String key, Path file) throws IOException {
        return ConfigFiles.problems(dir, key + " = \"" + file + "\"\n");
    }

    /** A problem as validate words it, on line 1 of the config. */
    private String problem(String key, Path value, String expected) {
        return key + ": " + value + " (expected: " + expected + ") in " + dir.resolve("houston.conf") + ":1";
    }

    @Test
    void anApiTokenFileShorterThanSixteenBytesIsAProblem() throws IOException {
        Path token = file("short\n");

        List<String> problems = problemsNaming("houston.api.token-file", token);

        assertEquals(List.of(problem("houston.api.token-file", token,
                "a readable file holding the shared secret, at least 16 bytes; this one holds 5")), problems);
    }

    @Test
    void anEmptySlackTokenFileIsAProblem() throws IOException {
        Path token = file("  \n");

        List<String> problems = problemsNaming("houston.slack.token-file", token);

        assertEquals(List.of(problem("houston.slack.token-file", token,
                "a readable file holding the bot token, not empty; this one holds 0")), problems);
    }

    @Test
    void aJournalDirectoryThatIsAFileIsAProblem() throws IOException {
        Path file = file("x");

        List<String> problems = problemsNaming("houston.journal.dir", file);

        assertEquals(List.of(problem("houston.journal.dir", file, "a directory, or a path where one can be created")),
                problems);
    }
}
