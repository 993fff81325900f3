package houston.app.lab;

import houston.app.config.HoustonConfigLoader;
import houston.core.model.TrafficPlan;
import houston.dns.records.Change;
import houston.dns.records.RecordSet;
import houston.testkit.Eventually;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data-plane fallback tried in the lab: {@code houston.dns.fallback = health-endpoint}, the DNS
 * API taken down with the lab fault, a location broken. Within fallback-after and a few ticks its
 * health endpoint fails, the lab's DNS leaves its records out and its visitors stop reaching it; the
 * API back, the weights are published and the fallback released.
 */
// How fast visitors move is a bound: runs beside at most one other lab, never beside JVMs starting or a
// browser (lab-paced, the parent pom.xml).
@Tag("lab-paced")
class LabDnsFallbackIT {

    private static final Duration FALLBACK_AFTER = Duration.ofSeconds(10);
    private static final String DEAD = "us-east-1";

    @TempDir
    Path dir;

    private Lab lab;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Path conf = dir.resolve("lab.conf");
        Files.writeString(conf, "houston.dns { fallback = health-endpoint, fallback-after = " + FALLBACK_AFTER.toSeconds()
                + "s, ttl = 2s }\n");
        lab = Lab.start(HoustonConfigLoader.load(conf), 0, dir.resolve("journal"), new PrintStream(PrintStream.nullOutputStream()));
    }

    @AfterEach
    void stop() throws Exception {
        lab.close();
    }

    /** The lab daemon's answer; a polled condition cannot throw checked exceptions. */
    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lab.daemon().port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void fault(String target, String fault) throws Exception {
        String body = new JsonObject().put("target", target).put("fault", fault).encode();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lab.port() + "/lab/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    /** Requests the dead location's site saw in the last second, answered or not. */
    private long reaching() {
        JsonObject t = new JsonObject(get("/lab/traffic").body()).getJsonObject(DEAD);
        return t == null ? 0 : t.getLong("okPerSecond") + t.getLong("errorsPerSecond") + t.getLong("failedPerSecond");
    }

    private JsonObject fallback() {
        return new JsonObject(get("/v1/status").body()).getJsonObject("fallback");
    }

    /**
     * A dropped record sends its catchment to the floors the zone holds; with none, Route 53 (and the
     * lab's DNS) spreads it evenly over every other location, and the lab's smallest, af-south-1, was
     * overloaded into an evacuation of its own. The lab's zone starts as {@code houston dns init} leaves
     * a production one: every pool at home, with the floors the engine plans its data-plane drops on.
     */
    @Test
    void theLabsZoneStartsWithTheFloorsADroppedRecordFallsBackTo() throws Exception {
        TrafficPlan home = TrafficPlan.identity(lab.daemon().loop().engine().topology().ids(), 0);

        List<Change> toPublishHome = lab.dns().preview(home).toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<RecordSet> usEast1Pool = lab.dns().zone().list().stream()
                .filter(r -> "A".equals(r.type()) && r.name().startsWith(DEAD + ".") && r.weight() != null && r.weight() > 0)
                .toList();

        List<Change> records = toPublishHome.stream().filter(c -> "A".equals(c.set().type())).toList();
        assertEquals(0, records.size(), "records publishing every pool at home would still change, e.g. "
                + records.stream().limit(3).toList());
        assertTrue(usEast1Pool.size() > 1, "us-east-1's pool holds floors beside its home: " + usEast1Pool);
    }

    @Test
    void withTheDnsApiDownABrokenLocationIsLeftOutOfTheLabsAnswersThenTheWeightsTakeOver() throws Exception {
        // The lab's visitors are 1/1000 of a catchment's demand: a few requests a second.
        Eventually.await(Duration.ofSeconds(20), () -> reaching() > 0);
        // Every location healthy first: probes of a lab still starting see them all bad, and fail static.
        Eventually.await(Duration.ofSeconds(30), () -> new JsonObject(get("/v1/status").body()).getJsonObject("states")
                .getInteger("healthy", 0) == lab.daemon().loop().engine().topology().size());

        fault("dns-api", "down");
        fault(DEAD, "outage");
        long brokenAt = System.nanoTime();
        Eventually.await(FALLBACK_AFTER.plusSeconds(20), () -> get("/v1/dns-health/" + DEAD).statusCode() == 503,
                () -> get("/v1/status").body() + get("/v1/decisions").body());
        Duration engagedAfter = Duration.ofNanos(System.nanoTime() - brokenAt);
        // The TTL (2 s) for visitors to ask again; stragglers (2%) keep the old answer for ten TTLs (20 s)
        // after the lab's checker (every second) drops the records: the 15 s this waited was shorter than
        // that bound, and a clean CI run failed on a trickle of 2-8 straggling requests a second.
        Eventually.await(Duration.ofSeconds(25), () -> reaching() == 0);
        JsonObject duringOutage = fallback();
        String decisionsDuringOutage = get("/v1/decisions").body();
        String faults = get("/lab/faults").body();

        fault("dns-api", "up");
        Eventually.await(Duration.ofSeconds(30), () -> fallback().getJsonArray("engaged").isEmpty());
        TrafficPlan live = lab.dns().readLive().toCompletableFuture().get(10, TimeUnit.SECONDS);
        int healthAfter = get("/v1/dns-health/" + DEAD).statusCode();

        assertTrue(engagedAfter.compareTo(FALLBACK_AFTER.plusSeconds(15)) < 0, "engaged after " + engagedAfter);
        assertEquals(new JsonArray().add(DEAD), duringOutage.getJsonArray("engaged"), duringOutage + "\n" + decisionsDuringOutage);
        assertEquals("data plane", duringOutage.getString("livePath"));
        assertTrue(new JsonObject(faults).getString("dns-api").equals("down"), faults);
        assertEquals(0.0, live.fraction(DEAD, DEAD), 1e-9, "the weights published once the API is back: " + live);
        assertEquals(200, healthAfter, "released: the weights keep it empty now");
        assertTrue(reaching() <= 1, "visitors stay away after the release (a straggler at most): " + reaching());
    }
}
