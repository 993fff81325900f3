package houston.app.lab;

import houston.app.bench.ConnectionFlood;
import houston.app.config.HoustonConfigLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab's own port with replicas (the fault routes) is guarded as every daemon port is: one client
 * holding idle connections gets its share and no more, and what it holds is closed at the header
 * deadline. Unguarded, 19,900 idle connections exhausted the process's descriptors and every replica failed.
 */
@Tag("lab-paced")
class LabReplicasPortIT {

    @TempDir
    Path journal;

    private Lab lab;

    @BeforeEach
    void start() throws Exception {
        lab = Lab.start(HoustonConfigLoader.load(null), 0, journal,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 2);
    }

    @AfterEach
    void stop() throws Exception {
        lab.close();
    }

    @Test
    void idleConnectionsToTheLabPortAreCappedPerClientAndClosedAtTheHeaderDeadline() throws Exception {
        int perClient = lab.world().settings().daemon().maxConnectionsPerClient();
        Duration deadline = lab.world().settings().daemon().headerTimeout();
        try (ConnectionFlood flood = new ConnectionFlood("127.0.0.3")) {
            flood.open(lab.port(), perClient + 36, 0);

            int stillOpen = flood.hold(deadline.plusSeconds(10));
            String faults = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + lab.port() + "/lab/faults")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertEquals(0, stillOpen, "every idle connection is closed by the lab");
            assertEquals(perClient + 36, flood.closedByServer() + flood.refused());
            assertTrue(new JsonObject(faults).isEmpty(), "another client is answered: " + faults);
        }
    }
}
