package houston.app.cli;

import houston.app.bench.HoustonProcess;
import houston.testkit.Eventually;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real SIGTERM to a real {@code houston run}: the tick finishes, the journal is closed, exit 0. And to a
 * real {@code houston lab}, whose documented exit code is 0 too.
 */
class DaemonSignalsIT {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.extension.RegisterExtension
    final CanarySites site = new CanarySites(1);

    @Test
    void sigtermFinishesTheTickClosesTheJournalAndExitsZero() throws Exception {
        Path conf = DaemonProcess.config(dir, site.port(), site.port(), "houston.tick = 200ms\n");
        HttpClient http = HttpClient.newHttpClient();
        int exit;
        String output;
        try (HoustonProcess daemon = HoustonProcess.run(conf, dir.resolve("run.log"), 0, Duration.ofSeconds(60))) {
            Eventually.until("the daemon past tick 10", Duration.ofSeconds(20), () -> new JsonObject(http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + "/v1/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).getLong("tick"), tick -> tick >= 10);
            exit = daemon.terminate(Duration.ofSeconds(30));
            output = daemon.output();
        }
        List<String> journal = Files.readAllLines(dir.resolve("journal").resolve("journal.jsonl"));
        String last = journal.get(journal.size() - 1);
        String beforeLast = journal.get(journal.size() - 2);

        assertEquals(0, exit, output);
        assertTrue(output.contains("houston stopped: journal closed."), output);
        assertTrue(Files.readString(dir.resolve("journal").resolve("journal.jsonl")).endsWith("}\n"), "complete last line");
        assertTrue(new JsonObject(last).getJsonObject("closed").getString("at").startsWith("20"), last);
        assertTrue(new JsonObject(beforeLast).getLong("tick") >= 10, beforeLast);
    }

    @Test
    void sigtermStopsTheLabWhichExitsZero() throws Exception {
        int exit;
        String output;
        try (HoustonProcess lab = HoustonProcess.start(List.of("lab", "--port", "0"), dir.resolve("lab.log"), 0,
                Duration.ofSeconds(60))) {
            exit = lab.terminate(Duration.ofSeconds(30));
            output = lab.output();
        }

        assertEquals(0, exit, output);
    }
}
