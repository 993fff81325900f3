package houston.app.daemon;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/systemd/houston.service: hardened, restarted on failure, stopped with SIGTERM. */
class SystemdUnitTest {

    /** The [Service] section's keys (a key given twice keeps the last, as systemd does for these). */
    private static Map<String, String> service() throws IOException {
        Map<String, String> keys = new HashMap<>();
        String section = "";
        for (String line : Files.readAllLines(Path.of("..", "deploy", "systemd", "houston.service"))) {
            String l = line.strip();
            if (l.startsWith("[")) {
                section = l;
            } else if (section.equals("[Service]") && !l.isEmpty() && !l.startsWith("#")) {
                int eq = l.indexOf('=');
                keys.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return keys;
    }

    @Test
    void theServiceRunsHardenedAsItsOwnUser() throws IOException {
        Map<String, String> s = service();

        assertEquals("houston", s.get("User"));
        assertEquals("strict", s.get("ProtectSystem"));
        assertEquals("true", s.get("NoNewPrivileges"));
        assertEquals("/var/lib/houston", s.get("ReadWritePaths"));
        assertEquals("houston", s.get("StateDirectory"));
    }

    @Test
    void theServiceRestartsOnFailureAndStopsWithSigterm() throws IOException {
        Map<String, String> s = service();

        assertEquals("on-failure", s.get("Restart"));
        assertEquals("SIGTERM", s.get("KillSignal"));
        assertEquals("143", s.get("SuccessExitStatus"));
        assertTrue(s.get("TimeoutStopSec").matches("\\d+s"), s.get("TimeoutStopSec"));
        assertTrue(s.get("ExecStart").startsWith("/opt/houston/bin/houston run --config /etc/houston/houston.conf"));
    }

    @Test
    void theJournalTheProductionExampleWritesIsWritableUnderTheSandbox() throws IOException {
        String example = Files.readString(Path.of("..", "config", "examples", "production.conf"));

        assertTrue(example.contains("journal.dir = \"/var/lib/houston/journal\""), "production.conf's journal moved");
        assertTrue(Path.of("/var/lib/houston/journal").startsWith(service().get("ReadWritePaths")));
    }
}
