package houston.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** A user's configuration file written for a test, and the problems loading it reports. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /** {@code hocon} as {@code dir/houston.conf}. */
    static Path write(Path dir, String hocon) throws IOException {
        Path f = dir.resolve("houston.conf");
        Files.writeString(f, hocon);
        return f;
    }

    /** The problems loading {@code hocon} reports, each rendered as the CLI prints it; fails if it loads. */
    static List<String> problems(Path dir, String hocon) throws IOException {
        Path f = write(dir, hocon);
        ConfigException e = assertThrows(ConfigException.class, () -> HoustonConfigLoader.load(f));
        return e.problems().stream().map(ConfigProblem::render).toList();
    }
}
