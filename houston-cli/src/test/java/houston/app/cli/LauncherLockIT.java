package houston.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two {@code ./houston} invocations started together on a stale checkout build the jar once: the
 * second waits for the first's build and runs what it built. The real launcher runs in a copy of
 * the checkout's layout whose {@code mvnw} only counts its builds.
 */
class LauncherLockIT {

    @TempDir
    Path checkout;

    private void script(Path file, String body) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\nset -euo pipefail\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void twoLaunchersStartedTogetherBuildTheJarOnce() throws Exception {
        Files.copy(Path.of("..", "houston"), checkout.resolve("houston"), StandardCopyOption.COPY_ATTRIBUTES);
        script(checkout.resolve("mvnw"), "echo build >> \"$(dirname \"$0\")/builds\"\nsleep 2\n"
                + "mkdir -p houston-lab/target && touch houston-lab/target/houston.jar\n");
        script(checkout.resolve("houston-cli/src/dist/bin/houston"), "echo ran \"$@\"\n");

        List<Process> launchers = List.of(launch(), launch());
        for (Process p : launchers) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher still running after 60 s");
        }

        for (Process p : launchers) {
            assertEquals(0, p.exitValue());
            assertEquals("ran version", new String(p.getInputStream().readAllBytes()).trim());
        }
        assertEquals(List.of("build"), Files.readAllLines(checkout.resolve("builds")));
    }

    private Process launch() throws Exception {
        return new ProcessBuilder(checkout.resolve("houston").toString(), "version")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
