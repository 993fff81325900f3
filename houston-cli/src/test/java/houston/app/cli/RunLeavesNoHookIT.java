package houston.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code houston run} that fails to start inside a JVM that lives on (the test runner's fork)
 * leaves nothing behind: its stop hook, registered before the port was found taken, is gone, so
 * that JVM ends at once with its own exit code rather than 25 s later with 1.
 */
class RunLeavesNoHookIT {

    @TempDir
    Path dir;

    @Test
    void aRunRefusedOnATakenPortLeavesTheHostJvmToExitZeroAtOnce() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Path conf = DaemonProcess.config(dir, 1, 2, "houston.http.port = " + taken.getLocalPort() + "\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process host = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    EmbeddedCli.class.getName(), "run", "--config", conf.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("host.log").toFile()).start();
            long started = System.nanoTime();

            boolean ended = host.waitFor(20, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            if (!ended) {
                host.destroyForcibly();
            }
            String log = Files.readString(dir.resolve("host.log"));
            assertTrue(ended, "the host JVM still runs after 20 s: " + log);
            assertTrue(log.contains("command exited 1"), log);
            assertEquals(0, host.exitValue(), "the host JVM's own exit code, after " + took + ": " + log);
        }
    }
}
