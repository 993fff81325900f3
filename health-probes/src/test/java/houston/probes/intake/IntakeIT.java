package houston.probes.intake;

import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.health.ServiceSignal;
import houston.core.health.SignalStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real signed HTTP requests into the intake endpoints on loopback. */
class IntakeIT {

    private static final byte[] SECRET = "intake-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    private Vertx vertx;
    private HttpServer server;
    private WebClient client;
    private final HmacAuth signer = new HmacAuth(SECRET, Duration.ofSeconds(60), Clock.systemUTC(), 1000);
    private final List<Observation> delivered = new CopyOnWriteArrayList<>();
    private final List<ServiceSignal> signals = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        HmacAuth verifier = new HmacAuth(SECRET, Duration.ofSeconds(60), Clock.systemUTC(), 1000);
        IntakeRoutes.mount(router, verifier, Set.of("agent-eu"), Set.of("us-east-1", "eu-west-1"), Clock.systemUTC(),
                delivered::addAll, signals::add, registry, 64 * 1024, busy::get);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> post(String path, Buffer body, long ts, String signature) throws Exception {
        return client.post(server.actualPort(), "127.0.0.1", path)
                .putHeader(HmacAuth.TIMESTAMP, String.valueOf(ts)).putHeader(HmacAuth.SIGNATURE, signature)
                .sendBuffer(body).await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> signed(String path, Buffer body) throws Exception {
        long ts = Instant.now().getEpochSecond();
        return post(path, body, ts, signer.sign(ts, body.getBytes()));
    }

    private static Buffer batch(String vantage, Observation... observations) {
        return ObservationCodec.encode(vantage, List.of(observations));
    }

    private static Observation seen(String location) {
        return new Observation("agent-eu", location, "canary-1", Instant.now().minusSeconds(2), Outcome.TIMEOUT,
                Duration.ofMillis(2000));
    }

    @Test
    void validBatchIsAcceptedAndDelivered() throws Exception {
        HttpResponse<Buffer> r = signed("/v1/observations", batch("agent-eu", seen("us-east-1"), seen("eu-west-1")));

        assertEquals(202, r.statusCode());
        assertEquals(2, r.bodyAsJsonObject().getInteger("accepted"));
        assertEquals(List.of("us-east-1", "eu-west-1"), delivered.stream().map(Observation::location).toList());
    }

    @Test
    void whileTheDaemonIsBusyAPushIsRefusedWithRetryAfterAndNothingIsDelivered() throws Exception {
        busy.set(true);

        HttpResponse<Buffer> r = signed("/v1/observations", batch("agent-eu", seen("us-east-1")));

        assertEquals(503, r.statusCode());
        assertEquals("1", r.getHeader("Retry-After"));
        assertTrue(r.bodyAsJsonObject().getString("error").startsWith("busy: "), r.bodyAsString());
        assertEquals(List.of(), delivered);
    }

    @Test
    void nanAndInfinityAreNamedAsNotJsonNumbers() throws Exception {
        Buffer body = Buffer.buffer("{\"vantage\":\"agent-eu\",\"observations\":[{\"location\":\"us-east-1\","
                + "\"at\":\"" + Instant.now() + "\",\"outcome\":\"ok\",\"latencyMs\":NaN}]}");

        HttpResponse<Buffer> nan = signed("/v1/observations", body);
        HttpResponse<Buffer> infinity = signed("/v1/signals", Buffer.buffer("{\"location\":Infinity}"));
        HttpResponse<Buffer> array = signed("/v1/signals", Buffer.buffer("[1,2]"));

        assertEquals(400, nan.statusCode());
        assertTrue(nan.bodyAsJsonObject().getString("error").startsWith(
                "body is not valid JSON: NaN and Infinity are not JSON numbers (line 1, column "), nan.bodyAsString());
        assertEquals(400, infinity.statusCode());
        assertTrue(infinity.bodyAsJsonObject().getString("error").contains("NaN and Infinity are not JSON numbers"),
                infinity.bodyAsString());
        assertEquals("body is not a JSON object (got an array)", array.bodyAsJsonObject().getString("error"));
    }

    @Test
    void badSignatureIsRefusedAndNothingIsDelivered() throws Exception {
        Buffer body = batch("agent-eu", seen("us-east-1"));
        long ts = Instant.now().getEpochSecond();

        HttpResponse<Buffer> r = post("/v1/observations", body, ts, signer.sign(ts, "other".getBytes()));

        assertEquals(401, r.statusCode());
        assertEquals("bad signature", r.bodyAsJsonObject().getString("error"));
        assertEquals(List.of(), delivered);
    }

    @Test
    void staleTimestampIsRefused() throws Exception {
        Buffer body = batch("agent-eu", seen("us-east-1"));
        long ts = Instant.now().getEpochSecond() - 600;

        HttpResponse<Buffer> r = post("/v1/observations", body, ts, signer.sign(ts, body.getBytes()));

        assertEquals(401, r.statusCode());
        assertTrue(r.bodyAsJsonObject().getString("error").startsWith("stale timestamp"), r.bodyAsString());
        assertEquals(List.of(), delivered);
    }

    @Test
    void replayedBatchIsRefused() throws Exception {
        Buffer body = batch("agent-eu", seen("us-east-1"));
        long ts = Instant.now().getEpochSecond();
        String signature = signer.sign(ts, body.getBytes());
        post("/v1/observations", body, ts, signature);

        HttpResponse<Buffer> r = post("/v1/observations", body, ts, signature);

        assertEquals(401, r.statusCode());
        assertEquals(1, delivered.size());
    }

    @Test
    void garbageBodyIsABadRequest() throws Exception {
        HttpResponse<Buffer> r = signed("/v1/observations", Buffer.buffer("\u0000\u0001 not json"));

        assertEquals(400, r.statusCode());
        assertTrue(r.bodyAsJsonObject().getString("error").startsWith("body is not valid JSON: "), r.bodyAsString());
    }

    @Test
    void oneBadObservationRejectsTheWholeBatchNamingIt() throws Exception {
        Buffer body = new JsonObject().put("vantage", "agent-eu").put("observations", new io.vertx.core.json.JsonArray()
                .add(new JsonObject(ObservationCodec.encode("agent-eu", List.of(seen("us-east-1"))).toString())
                        .getJsonArray("observations").getJsonObject(0))
                .add(new JsonObject().put("location", "us-east-1").put("at", Instant.now().toString())
                        .put("outcome", "on_fire").put("latencyMs", 3))).toBuffer();

        HttpResponse<Buffer> r = signed("/v1/observations", body);

        assertEquals(400, r.statusCode());
        assertTrue(r.bodyAsJsonObject().getString("error").startsWith("observations[1].outcome"), r.bodyAsString());
        assertEquals(List.of(), delivered);
    }

    @Test
    void unconfiguredVantageIsForbidden() throws Exception {
        HttpResponse<Buffer> r = signed("/v1/observations", batch("rogue", seen("us-east-1")));

        assertEquals(403, r.statusCode());
        assertEquals(List.of(), delivered);
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<Buffer> r = signed("/v1/observations", Buffer.buffer(new byte[128 * 1024]));

        assertEquals(413, r.statusCode());
        assertEquals(1.0, registry.get("houston.intake.requests").tags("endpoint", "observations", "result", "too_large")
                .counter().count(), "a body refused by its size is counted as too_large");
    }

    @Test
    void serviceSignalIsAcceptedAndStampedWithTheDaemonsTime() throws Exception {
        Instant before = Instant.now();
        Buffer body = SignalCodec.encode(new ServiceSignal("eu-west-1", "checkout-api", SignalStatus.DEGRADED,
                "db p99 2.3 s", Instant.EPOCH));

        HttpResponse<Buffer> r = signed("/v1/signals", body);

        assertEquals(202, r.statusCode());
        assertEquals(SignalStatus.DEGRADED, signals.get(0).status());
        assertTrue(!signals.get(0).at().isBefore(before.minusSeconds(1)));
    }

    @Test
    void signalForAnUnknownLocationIsABadRequest() throws Exception {
        Buffer body = new JsonObject().put("location", "mars-1").put("service", "api").put("status", "failing").toBuffer();

        HttpResponse<Buffer> r = signed("/v1/signals", body);

        assertEquals(400, r.statusCode());
        assertEquals(List.of(), signals);
    }
}
