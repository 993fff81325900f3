package houston.app.wiring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import houston.slack.notify.SlackOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Incident → Slack thread, kept in a small JSON file beside the journal (written whole, then
 * renamed into place), so that after a restart an incident keeps its one thread.
 */
final class SlackThreadsFile {

    private static final Logger log = LoggerFactory.getLogger(SlackThreadsFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackThreadsFile() {
    }

    static void restoreInto(SlackOutbox outbox, Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            outbox.restoreThreads(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            log.warn("cannot read Slack threads from {} ({}): incidents in progress will open new threads", file,
                    e.getMessage());
        }
    }

    static void write(Path file, Map<String, String> threads) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), threads);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot keep Slack threads in {}: {}", file, e.getMessage());
        }
    }
}
