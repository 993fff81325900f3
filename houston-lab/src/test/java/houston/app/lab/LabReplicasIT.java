package houston.app.lab;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.testkit.Eventually;
import io.vertx.core.json.JsonArray;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code houston lab --replicas 3}: three daemons on a real in-process ensemble, broken through the lab's API. */
// How fast a follower takes over is a bound: runs beside at most one other lab, never beside JVMs starting
// or a browser (lab-paced, the parent pom.xml).
@Tag("lab-paced")
class LabReplicasIT {

    @TempDir
    Path journal;

    private Lab lab;
    /** What the lab prints, its alerts included. */
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private HoustonSettings settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        settings = HoustonConfigLoader.load(null);
        lab = Lab.start(settings, 0, journal, new PrintStream(console, true, StandardCharsets.UTF_8), 3);
        Eventually.await(Duration.ofSeconds(30), () -> acting().size() == 1, () -> lab.controllers().state().encode());
    }

    @AfterEach
    void stop() throws Exception {
        lab.close();
    }

    @Test
    void everyReplicaListensOnItsOwnPortAndSaysWhoLeads() throws Exception {
        int leader = acting().get(0);

        for (int n = 1; n <= 3; n++) {
            int replica = n;
            Eventually.await(Duration.ofSeconds(10), () -> status(replica) != null, () -> "replica " + replica);
            JsonObject ha = status(n).getJsonObject("ha");
            assertEquals("replica-" + n, ha.getString("replica"));
            assertEquals(n == leader, ha.getBoolean("acting"));
        }
        assertEquals(3, IntStream.rangeClosed(1, 3).map(this::port).distinct().count());
        int follower = leader % 3 + 1;
        JsonObject first = new JsonArray(get(follower, "/v1/locations")).getJsonObject(0);
        assertTrue(first.containsKey("liveHomeFraction") && first.getValue("liveHomeFraction") == null,
                "a follower does not know what DNS holds: " + first.encode());
        assertEquals(1.0, new JsonArray(get(leader, "/v1/locations")).getJsonObject(0).getDouble("liveHomeFraction"));
    }

    @Test
    void killingTheLeaderDuringAnEvacuationHandsOverWithinTheSessionTimeoutAndTwoTicks() throws Exception {
        Eventually.await(Duration.ofSeconds(30), () -> lab.daemon().loop().state().tick() > 6);
        assertEquals(200, post("/lab/faults", new JsonObject().put("target", "us-east-1").put("fault", "outage")));
        int old = acting().get(0);
        Eventually.await(Duration.ofSeconds(20), () -> "evacuated".equals(stateOf(old, "us-east-1")));
        long generation = lab.controllers().replica(old).daemon().loop().state().liveGeneration();

        long killed = System.nanoTime();
        assertEquals(200, controller(old, "kill"));
        // Session timeout + 2 ticks is 8 s with the defaults; the bound promised on a loaded machine is 15 s.
        Duration bound = Duration.ofSeconds(15);
        Eventually.await(bound, () -> acting().size() == 1 && acting().get(0) != old, () -> lab.controllers().state().encode());
        int next = acting().get(0);
        long tickAtTakeover = lab.controllers().replica(next).daemon().loop().state().tick();
        Eventually.await(bound.minusNanos(System.nanoTime() - killed),
                () -> lab.controllers().replica(next).daemon().loop().state().tick() > tickAtTakeover);

        assertNotEquals(old, next);
        assertEquals("evacuated", stateOf(next, "us-east-1"));
        assertEquals(generation, lab.controllers().replica(next).daemon().loop().state().liveGeneration(),
                "the evacuation DNS holds is not published again");
        assertTrue(status(next).getJsonObject("ha").getLong("epoch") > 0);
        // A dead process cannot page: a session and more after the kill, nothing from the killed replica.
        Thread.sleep(Math.max(0, Duration.ofSeconds(8).toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed)));
        assertFalse(console.toString(StandardCharsets.UTF_8).contains("replica-" + old + " has been cut off"),
                console.toString(StandardCharsets.UTF_8));

        assertEquals(200, controller(old, "clear"));
        Eventually.await(Duration.ofSeconds(30), () -> status(old) != null, () -> lab.controllers().state().encode());
        assertEquals(java.util.List.of(next), acting(), "the replica back from the dead follows");
    }

    @Test
    void aLeaderCutOffFromTheEnsembleStopsActingAndAnotherLeads() throws Exception {
        int old = acting().get(0);

        assertEquals(200, controller(old, "partition"));
        Eventually.await(Duration.ofSeconds(20), () -> acting().size() == 1 && acting().get(0) != old,
                () -> lab.controllers().state().encode());
        assertEquals(false, status(old).getJsonObject("ha").getBoolean("acting"));

        assertEquals(200, controller(old, "clear"));
        // Back on the ensemble (a new session, as a follower): healthy again, so CONNECTED, never RECONNECTED.
        Eventually.await(Duration.ofSeconds(20), () -> status(old).getJsonObject("ha").getString("connection").equals("CONNECTED"),
                () -> String.valueOf(status(old)));
        assertEquals(1, acting().size());
        assertEquals(400, controller(4, "kill"));
    }

    /** Replicas that act now, by number. */
    private java.util.List<Integer> acting() {
        JsonArray state = lab.controllers().state();
        return state.stream().map(JsonObject.class::cast).filter(r -> r.getBoolean("acting"))
                .map(r -> r.getInteger("replica")).toList();
    }

    private int port(int n) {
        return lab.controllers().state().getJsonObject(n - 1).getInteger("port");
    }

    /** The location's state as replica n's /v1/locations says; null while it cannot answer. */
    private String stateOf(int n, String location) {
        String body = get(n, "/v1/locations");
        return body == null ? null : new JsonArray(body).stream().map(JsonObject.class::cast)
                .filter(l -> l.getString("id").equals(location)).findFirst().orElseThrow().getString("state");
    }

    private JsonObject status(int n) {
        String body = get(n, "/v1/status");
        return body == null ? null : new JsonObject(body);
    }

    private String get(int n, String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(n) + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private int controller(int n, String fault) throws Exception {
        return post("/lab/controllers", new JsonObject().put("replica", n).put("fault", fault));
    }

    private int post(String path, JsonObject body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lab.port() + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            System.err.println(path + " " + body + " -> " + r.statusCode() + " " + r.body());
        }
        return r.statusCode();
    }
}
