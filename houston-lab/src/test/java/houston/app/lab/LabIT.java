package houston.app.lab;

import houston.app.config.HoustonConfigLoader;
import houston.core.model.TrafficPlan;
import houston.testkit.Eventually;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lab as users run it: real HTTP on loopback, faults through its API, answers from its API. */
// Bounds on how fast a lab evacuates: runs beside at most one other lab, never beside JVMs starting or a
// browser (lab-paced, the parent pom.xml).
@Tag("lab-paced")
class LabIT {

    @TempDir
    Path journal;

    /** The journal of the lab {@link Refusals} share (a class's own temporary directory, made before its first case). */
    @TempDir
    static Path sharedJournal;

    private Lab lab;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    /** A lab of this case's own, for a case that injects faults, watching its console. */
    private void startOwnLab() throws Exception {
        lab = Lab.start(HoustonConfigLoader.load(null), 0, journal, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopOwnLab() throws Exception {
        if (lab != null && lab != Refusals.shared) {
            lab.close();
        }
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lab.daemon().port() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private int fault(String target, String fault) throws Exception {
        return post(faultRequest(target, fault).header("Content-Type", "application/json")).statusCode();
    }

    private int fault(String target, String fault, Integer amount) throws Exception {
        JsonObject body = new JsonObject().put("target", target).put("fault", fault);
        if (amount != null) {
            body.put("amount", amount);
        }
        return post(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lab.daemon().port() + "/lab/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())))
                .statusCode();
    }

    private HttpRequest.Builder faultRequest(String target, String fault) {
        String body = new JsonObject().put("target", target).put("fault", fault).encode();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lab.daemon().port() + "/lab/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> post(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String stateOf(String location) throws Exception {
        return new io.vertx.core.json.JsonArray(get("/v1/locations")).stream().map(JsonObject.class::cast)
                .filter(l -> l.getString("id").equals(location)).findFirst().orElseThrow().getString("state");
    }

    @Test
    void anOutageIsEvacuatedWithinTenSecondsAndTheLivePlanMatches() throws Exception {
        startOwnLab();
        Eventually.until("the lab's loop past tick 6", Duration.ofSeconds(20), () -> lab.daemon().loop().state().tick(),
                tick -> tick > 6);

        assertEquals(200, fault("us-east-1", "outage"));
        Eventually.until("us-east-1 evacuated", Duration.ofSeconds(10), () -> stateOf("us-east-1"), "evacuated"::equals);

        TrafficPlan live = lab.dns().readLive().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(0.0, live.fraction("us-east-1", "us-east-1"), 1e-9);
        assertTrue(live.fraction("us-east-1", "us-east-2") > 0);
        assertTrue(get("/metrics").contains("houston_location_state{location=\"us-east-1\",state=\"evacuated\"} 1.0"));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("us-east-1 evacuating"));
    }

    @Test
    void aPartitionedVantageMovesNothing() throws Exception {
        startOwnLab();
        Eventually.until("the lab's loop past tick 6", Duration.ofSeconds(20), () -> lab.daemon().loop().state().tick(),
                tick -> tick > 6);

        assertEquals(200, fault("vantage:lab-eu-west", "partition"));
        Thread.sleep(12_000);

        assertEquals(0, lab.daemon().loop().state().plan().generation());
        assertTrue(get("/v1/status").contains("\"suspectVantages\" : [ \"lab-eu-west\" ]"), get("/v1/status"));
    }

    @Test
    void theLabsOwnPagesAndItsCliMayWrite() throws Exception {
        startOwnLab();
        String own = "http://127.0.0.1:" + lab.daemon().port();
        HttpResponse<String> page = post(faultRequest("eu-west-1", "outage").header("Content-Type", "application/json")
                .header("Origin", own).header("Sec-Fetch-Site", "same-origin"));
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = houston.app.cli.HoustonCli.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(out, true));

        int code = cli.execute("lab", "fault", "us-east-1", "outage", "--port", String.valueOf(lab.daemon().port()));

        assertEquals(200, page.statusCode(), page.body());
        assertEquals(0, code, out.toString());
        JsonObject faults = new JsonObject(get("/lab/faults"));
        assertEquals("outage", faults.getString("eu-west-1"));
        assertEquals("outage", faults.getString("us-east-1"));
    }

    /**
     * Requests the lab refuses, or that change nothing: they leave a lab as they found it, so they share
     * one, started after the cases above (JUnit runs nested classes last) so it never idles beside them.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Refusals {

        static Lab shared;

        @BeforeAll
        void startTheSharedLab() throws Exception {
            shared = Lab.start(HoustonConfigLoader.load(null), 0, sharedJournal,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }

        @AfterAll
        void stopTheSharedLab() throws Exception {
            shared.close();
        }

        @BeforeEach
        void useTheSharedLab() {
            lab = shared;
        }

        @Test
        void unknownFaultTargetIsRefused() throws Exception {
            assertEquals(400, fault("mars-1", "outage"));
        }

        @Test
        void aTargetTypedInCapitalsIsTheLocationOrVantageItNames() throws Exception {
            try {
                assertEquals(200, fault("AP-SOUTHEAST-2", "brownout", 10));
                assertEquals(200, fault("VANTAGE:LAB-EU-WEST", "partition", null));

                JsonObject faults = lab.world().faults();
                assertEquals("brownout 10", faults.getString("ap-southeast-2"), faults.encode());
                assertEquals("partition", faults.getString("vantage:lab-eu-west"), faults.encode());
            } finally {
                fault("ap-southeast-2", "clear", null);
                fault("vantage:lab-eu-west", "clear", null);
            }
        }

        @Test
        void aDnsApiFaultOnAnUnknownTargetNamesTheTargetNotTheDnsApi() throws Exception {
            HttpResponse<String> r = post(faultRequest("scaler", "down").header("Content-Type", "application/json"));

            assertEquals(400, r.statusCode());
            assertTrue(new JsonObject(r.body()).getString("error").startsWith("unknown target 'scaler' (expected: a "
                    + "location, vantage:NAME or dns-api; known locations:"), r.body());
            assertEquals(15, new JsonObject(r.body()).getJsonArray("knownLocations").size(), r.body());
        }

        @Test
        void aBodyReadLenientlyWouldChangeTheLabSoItIsRefusedAndChangesNothing() throws Exception {
            // The last of two targets, a quoted amount and full-width digits were each once read as meant.
            String[] bodies = {"{\"target\": \"eu-west-1\", \"fault\": \"clear\", \"target\": \"us-east-1\", \"fault\": \"outage\"}",
                    "{\"target\": \"eu-west-1\", \"fault\": \"brownout\", \"amount\": \"50\"}",
                    "{\"target\": \"eu-west-1\", \"fault\": \"brownout\", \"amount\": \"\uff15\uff10\"}",
                    "{\"target\": \"eu-west-1\", \"fault\": \"brownout\", \"amout\": 50}"};
            for (String body : bodies) {
                HttpResponse<String> r = post(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lab.daemon().port()
                        + "/lab/faults")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

                assertEquals(400, r.statusCode(), body + " -> " + r.body());
                assertTrue(new JsonObject(r.body()).getString("error").contains("(expected: "), body + " -> " + r.body());
            }
            assertEquals("{ }", get("/lab/faults").strip());
        }

        @Test
        void aCrossSiteWriteWithoutAnOriginNamesWhatTheBrowserSaid() throws Exception {
            HttpResponse<String> r = post(faultRequest("us-east-1", "outage").header("Content-Type", "application/json")
                    .header("Sec-Fetch-Site", "cross-site"));

            assertEquals(403, r.statusCode());
            assertEquals("cross-origin writes to the lab are refused (Sec-Fetch-Site cross-site)",
                    new JsonObject(r.body()).getString("error"));
        }

        @Test
        void aCrossOriginTextPlainPostBreaksNothing() throws Exception {
            // What any web page can send without a preflight: a "simple" request, from its own origin.
            HttpResponse<String> r = post(faultRequest("us-east-1", "outage").header("Content-Type", "text/plain")
                    .header("Origin", "https://evil.test"));

            assertEquals(403, r.statusCode());
            assertTrue(new JsonObject(r.body()).getString("error").startsWith("cross-origin writes to the lab are refused"));
            assertEquals("{ }", get("/lab/faults").strip());
        }

        @Test
        void aCrossSiteFetchIsRefusedEvenAsJson() throws Exception {
            HttpResponse<String> r = post(faultRequest("us-east-1", "outage").header("Content-Type", "application/json")
                    .header("Sec-Fetch-Site", "cross-site"));

            assertEquals(403, r.statusCode());
            assertEquals("{ }", get("/lab/faults").strip());
        }

        @Test
        void aWriteThatIsNotJsonIsRefused() throws Exception {
            HttpResponse<String> r = post(faultRequest("us-east-1", "outage").header("Content-Type", "text/plain"));

            assertEquals(415, r.statusCode());
            assertEquals("Content-Type must be application/json, got text/plain", new JsonObject(r.body()).getString("error"));
        }

        @Test
        void aMediaTypeThatOnlyStartsLikeJsonIsRefused() throws Exception {
            for (String type : new String[]{"application/json-evil", "application/jsonp", "application/json+x; charset=utf-8"}) {
                HttpResponse<String> r = post(faultRequest("us-east-1", "outage").header("Content-Type", type));

                assertEquals(415, r.statusCode(), type);
            }
            assertEquals(200, post(faultRequest("eu-west-1", "none").header("Content-Type", "Application/JSON; charset=UTF-8"))
                    .statusCode());
            assertEquals("{ }", get("/lab/faults").strip());
        }

        @Test
        void missingOrNonNumericFieldsAreNamedWithoutTheParsersText() throws Exception {
            String[] bodies = {"{\"target\": null, \"fault\": \"outage\"}", "{\"target\": \"us-east-1\"}",
                    "{\"target\": \"eu-west-1\", \"fault\": \"brownout\", \"amount\": NaN}",
                    "{\"target\": 7, \"fault\": \"outage\"}", "[1]"};
            for (String body : bodies) {
                HttpResponse<String> r = post(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lab.daemon().port()
                        + "/lab/faults")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

                assertEquals(400, r.statusCode(), body);
                String error = new JsonObject(r.body()).getString("error");
                assertTrue(error.contains("(expected: "), body + " -> " + error);
                assertFalse(error.contains("Jackson") || error.contains("Failed to decode") || error.contains("java.")
                        || error.equals("null"), body + " -> " + error);
            }
            assertEquals("{ }", get("/lab/faults").strip());
        }
    }
}
