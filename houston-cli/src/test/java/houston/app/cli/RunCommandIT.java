package houston.app.cli;

import houston.probes.intake.HmacAuth;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code houston run} as users run it: two loopback locations, the file DNS provider, signed commands. */
class RunCommandIT {

    private static final String SECRET = "run-command-it-shared-secret-0123";

    @TempDir
    Path dir;

    @org.junit.jupiter.api.extension.RegisterExtension
    final CanarySites site = new CanarySites(1);
    private final HmacAuth signer = new HmacAuth(SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60),
            Clock.systemUTC(), 10);

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("token"), SECRET);
    }

    private Path config() throws Exception {
        return DaemonProcess.config(dir, site.port(), site.port(),
                "houston.api.token-file = \"" + dir.resolve("token") + "\"\n");
    }

    private HttpResponse<String> command(DaemonProcess daemon, String body, boolean sign) throws Exception {
        long ts = Instant.now().getEpochSecond();
        HttpRequest.Builder r = daemon.request("/v1/commands").POST(HttpRequest.BodyPublishers.ofString(body));
        if (sign) {
            r.header(HmacAuth.TIMESTAMP, String.valueOf(ts)).header(HmacAuth.SIGNATURE,
                    signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)));
        }
        return daemon.send(r);
    }

    @Test
    void signedCommandEvacuatesUnsignedIsRefusedAndARestartKeepsTheEvacuation() throws Exception {
        DaemonProcess first = DaemonProcess.start(config(), 8);
        HttpResponse<String> unsigned = command(first, "{\"command\":\"evacuate lab-a\",\"by\":\"mallory\"}", false);
        HttpResponse<String> bad = command(first, "{\"command\":\"evacuate mars-1\",\"by\":\"alice\"}", true);
        HttpResponse<String> ok = command(first, "{\"command\":\"evacuate lab-a for 2h drill\",\"by\":\"alice\"}", true);
        first.awaitGeneration(1);
        JsonObject during = first.plan();
        assertEquals(0, first.await(), first.output());

        DaemonProcess second = DaemonProcess.start(config(), 4);
        Thread.sleep(1500);
        JsonObject after = second.plan();
        second.await();

        assertEquals(401, unsigned.statusCode());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("unknown location 'mars-1'"), bad.body());
        assertEquals(202, ok.statusCode(), ok.body());
        assertEquals(1.0, during.getJsonObject("rows").getJsonObject("lab-a").getDouble("lab-b"), 1e-9);
        assertEquals(1, after.getLong("generation"), "a restart must not publish again: " + after);
        assertEquals(1.0, after.getJsonObject("rows").getJsonObject("lab-a").getDouble("lab-b"), 1e-9);
        assertTrue(first.output().contains("houston stopped: journal closed."), first.output());
    }
}
