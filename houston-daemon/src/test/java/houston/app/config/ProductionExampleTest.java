package houston.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The production example (docs/operations.md) is a valid configuration (with its secret files in place). */
class ProductionExampleTest {

    @TempDir
    Path dir;

    @Test
    void theShippedProductionExampleLoads() throws Exception {
        String text = Files.readString(Path.of("..", "config", "examples", "production.conf"))
                .replace("/etc/houston/", dir + "/").replace("/var/lib/houston/", dir + "/");
        Files.writeString(dir.resolve("api-token"), "a-shared-secret-of-32-characters!");
        Files.writeString(dir.resolve("slack-bot-token"), "xoxb-example");
        Files.writeString(dir.resolve("slack-signing-secret"), "signing-secret");
        Path conf = dir.resolve("production.conf");
        Files.writeString(conf, text);

        HoustonSettings settings = HoustonConfigLoader.load(conf);

        assertEquals("route53", settings.dns().provider());
        assertEquals("kubernetes", settings.scaler().provider());
        assertEquals(3, settings.engine().health().vantages().size());
    }
}
