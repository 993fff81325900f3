package houston.app.cli;

import houston.probes.intake.HmacAuth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@code houston run}'s HTTP API as an operator uses it, for the ITs that restart the real process:
 * a {@link DaemonProcess#config} with an API token, what {@code /v1/status} and {@code /v1/locations}
 * say, and operator commands signed with that token.
 */
final class SignedDaemonApi {

    private final String secret;
    private final HttpClient http = HttpClient.newHttpClient();

    SignedDaemonApi(String secret) {
        this.secret = secret;
    }

    /** A {@link DaemonProcess#config} of one location per site port, with {@code extra} and this API token. */
    Path config(Path dir, String extra, int... sitePorts) throws java.io.IOException {
        Files.writeString(dir.resolve("api-token"), secret);
        return DaemonProcess.config(dir, extra + "houston.api.token-file = \"" + dir.resolve("api-token") + "\"\n", sitePorts);
    }

    HttpResponse<String> send(int port, String path, java.util.function.UnaryOperator<HttpRequest.Builder> how)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return http.send(how.apply(request).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonObject get(int port, String path) throws Exception {
        return new JsonObject(send(port, path, r -> r).body());
    }

    /** {@code /v1/status}, or an empty object while the daemon does not answer. */
    JsonObject status(int port) {
        try {
            return get(port, "/v1/status");
        } catch (Exception e) {
            return new JsonObject();
        }
    }

    /** Whether the probes have scored every location: until then the engine knows no receiver to move users to. */
    boolean everyLocationScored(int port) {
        try {
            JsonArray locations = new JsonArray(send(port, "/v1/locations", r -> r).body());
            return locations.stream().allMatch(l -> ((JsonObject) l).getValue("score") != null);
        } catch (Exception e) {
            return false;
        }
    }

    /** An operator command by alice, signed with the API token: accepted (2xx). */
    void command(int port, String command) throws Exception {
        byte[] body = new JsonObject().put("command", command).put("by", "alice").encode().getBytes(StandardCharsets.UTF_8);
        long ts = Clock.systemUTC().instant().getEpochSecond();
        String signature = new HmacAuth(secret.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5), Clock.systemUTC(), 10)
                .sign(ts, body);
        HttpResponse<String> response = send(port, "/v1/commands", r -> r.header("Content-Type", "application/json")
                .header(HmacAuth.TIMESTAMP, String.valueOf(ts)).header(HmacAuth.SIGNATURE, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(2, response.statusCode() / 100, command + ": " + response.body());
    }
}
