package houston.app.config;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** What `run` would refuse at start, `validate` names first: secret files too short, a journal directory that is a file. */
class SecretFilesTest {

    @TempDir
    Path dir;

    static Stream<Arguments> filesThatCannotServeTheirKey() {
        return Stream.of(
                argumentSet("an API token file shorter than sixteen bytes", "houston.api.token-file", "short\n",
                        "a readable file holding the shared secret, at least 16 bytes; this one holds 5"),
                argumentSet("an empty Slack token file", "houston.slack.token-file", "  \n",
                        "a readable file holding the bot token, not empty; this one holds 0"),
                argumentSet("a journal directory that is a file", "houston.journal.dir", "x",
                        "a directory, or a path where one can be created"));
    }

    @ParameterizedTest
    @MethodSource("filesThatCannotServeTheirKey")
    void aFileThatCannotServeItsKeyIsAProblemNamingWhatWasExpected(String key, String content, String expected)
            throws IOException {
        Path file = Files.writeString(dir.resolve("named-file"), content);

        List<String> problems = ConfigFiles.problems(dir, key + " = \"" + file + "\"\n");

        assertEquals(List.of(key + ": " + file + " (expected: " + expected + ") in " + dir.resolve("houston.conf") + ":1"),
                problems);
    }
}
