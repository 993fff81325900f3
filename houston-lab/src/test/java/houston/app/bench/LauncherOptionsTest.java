package houston.app.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM options the memory figures were measured with are the ones every way of running the
 * daemon uses: the launcher's default, the processes the benchmarks and ITs start, the systemd unit
 * and the Kubernetes manifest.
 */
class LauncherOptionsTest {

    private static final Path ROOT = Path.of("..");

    private static String first(Path file, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(ROOT.resolve(file)));
        assertTrue(m.find(), regex + " not found in " + file);
        return m.group(1);
    }

    @Test
    void everyWayOfRunningTheDaemonUsesTheMeasuredOptions() throws IOException {
        String measured = String.join(" ", HoustonProcess.LAUNCHER_OPTIONS);

        String launcher = first(Path.of("houston-cli/src/dist/bin/houston"), "\\$\\{HOUSTON_JAVA_OPTS:-([^}]*)}");
        String systemd = first(Path.of("deploy/systemd/houston.service"), "Environment=\"HOUSTON_JAVA_OPTS=([^\"]*)\"");
        String kubernetes = first(Path.of("deploy/kubernetes/daemon.yaml"),
                "name: HOUSTON_JAVA_OPTS\\s+value: \"([^\"]*)\"");

        assertEquals(measured, launcher);
        assertEquals(measured, systemd);
        assertEquals(measured, kubernetes);
    }
}
