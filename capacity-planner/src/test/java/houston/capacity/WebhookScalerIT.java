package houston.capacity;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import houston.core.engine.Action.PreScale;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook scaler against WireMock on loopback: slow readiness, 5xx, timeouts, refusals. */
class WebhookScalerIT {

    private WireMockServer hook;
    private ScheduledExecutorService timers;
    private WebhookScaler scaler;

    /**
     * The scaler's ready timeout: the request and three status polls of a slow preparation fit in it on a
     * loaded machine, where they took most of the 1 s this was.
     */
    private static final Duration READY_WITHIN = Duration.ofSeconds(3);

    @BeforeEach
    void start() throws Exception {
        hook = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        hook.start();
        timers = Executors.newSingleThreadScheduledExecutor();
        HttpClient http = HttpClient.newHttpClient();
        // A fresh server's and client's first exchange loads their HTTP stacks (over a second on a loaded
        // machine, past the 500 ms request timeout): done once here, before anything is timed.
        http.send(java.net.http.HttpRequest.newBuilder(URI.create(hook.baseUrl() + "/__admin/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        scaler = new WebhookScaler(http, URI.create(hook.baseUrl() + "/scale"),
                URI.create(hook.baseUrl() + "/status"), body -> Map.of("X-Houston-Signature", "v1=test-" + body.length),
                Delays.of(timers), Duration.ofMillis(500), Duration.ofMillis(20), READY_WITHIN);
    }

    @AfterEach
    void stop() {
        timers.shutdownNow();
        hook.stop();
    }

    private ScaleResult scale(int instances) throws Exception {
        return scaler.scale(new PreScale("us-east-2", instances, "receive traffic of us-east-1", "us-east-1@t"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void accepted() {
        hook.stubFor(post("/scale").willReturn(aResponse().withStatus(202)));
    }

    private void status(String scenarioState, String nextState, String body) {
        hook.stubFor(get(urlPathEqualTo("/status")).withQueryParam("requestId", equalTo("us-east-2-328"))
                .inScenario("ready").whenScenarioStateIs(scenarioState).willSetStateTo(nextState)
                .willReturn(aResponse().withStatus(200).withBody(body)));
    }

    @Test
    void readyAfterSlowPreparationReportsTheReadyInstances() throws Exception {
        accepted();
        status(Scenario.STARTED, "two", "{\"status\":\"pending\"}");
        status("two", "three", "{\"status\":\"pending\"}");
        status("three", "three", "{\"status\":\"ready\",\"readyInstances\":330}");

        ScaleResult r = scale(328);

        assertEquals(ScaleStatus.READY, r.status());
        assertEquals(330, r.instances());
    }

    @Test
    void requestIsSignedAndCarriesTheTarget() throws Exception {
        accepted();
        status(Scenario.STARTED, Scenario.STARTED, "{\"status\":\"ready\",\"readyInstances\":328}");

        scale(328);

        hook.verify(postRequestedFor(urlPathEqualTo("/scale"))
                .withHeader("X-Houston-Signature", com.github.tomakehurst.wiremock.client.WireMock.matching("v1=test-\\d+"))
                .withRequestBody(equalToJson("{\"requestId\":\"us-east-2-328\",\"location\":\"us-east-2\",\"instances\":328}",
                        true, true)));
    }

    @Test
    void serverErrorOnTheRequestIsRetried() throws Exception {
        hook.stubFor(post("/scale").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
                .willReturn(aResponse().withStatus(503)));
        hook.stubFor(post("/scale").inScenario("flaky").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(202)));
        status(Scenario.STARTED, Scenario.STARTED, "{\"status\":\"ready\",\"readyInstances\":328}");

        ScaleResult r = scale(328);

        assertEquals(ScaleStatus.READY, r.status());
        hook.verify(2, postRequestedFor(urlPathEqualTo("/scale")));
    }

    @Test
    void neverReadyTimesOut() throws Exception {
        accepted();
        status(Scenario.STARTED, Scenario.STARTED, "{\"status\":\"pending\"}");

        ScaleResult r = scale(328);

        assertEquals(ScaleStatus.TIMED_OUT, r.status());
    }

    @Test
    void unansweredRequestTimesOutPerRequestAndFailsAfterItsAttempts() throws Exception {
        hook.stubFor(post("/scale").willReturn(aResponse().withStatus(202).withFixedDelay(2000)));

        ScaleResult r = scale(328);

        assertEquals(ScaleStatus.FAILED, r.status());
        assertTrue(r.detail().contains("after 3 attempt(s)"), r.detail());
    }

    @Test
    void refusedRequestFailsWithTheReceiversMessage() throws Exception {
        hook.stubFor(post("/scale").willReturn(aResponse().withStatus(400).withBody("quota exceeded in us-east-2")));

        ScaleResult r = scale(328);

        assertEquals(ScaleStatus.FAILED, r.status());
        assertTrue(r.detail().contains("quota exceeded"), r.detail());
    }

    @Test
    void failedStatusIsAFailure() throws Exception {
        accepted();
        status(Scenario.STARTED, Scenario.STARTED, "{\"status\":\"failed\",\"detail\":\"no capacity in zone b\"}");

        ScaleResult r = scale(328);

        assertEquals(ScaleStatus.FAILED, r.status());
        assertEquals("no capacity in zone b", r.detail());
    }

    @Test
    void sameTargetTwiceWhileInFlightIsOneRequest() throws Exception {
        accepted();
        status(Scenario.STARTED, "two", "{\"status\":\"pending\"}");
        status("two", "two", "{\"status\":\"ready\",\"readyInstances\":328}");
        var first = scaler.scale(new PreScale("us-east-2", 328, "a", "i"));

        var second = scaler.scale(new PreScale("us-east-2", 328, "b", "i"));
        first.toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertTrue(first == second);
        hook.verify(1, postRequestedFor(urlPathEqualTo("/scale")));
    }

    @Test
    void readyInstancesAreAskedPerLocationAndAnUnansweredLocationIsLeftOut() {
        hook.stubFor(get(urlPathEqualTo("/status")).withQueryParam("location", equalTo("us-east-2"))
                .willReturn(aResponse().withStatus(200).withBody("{\"readyInstances\":310}")));
        hook.stubFor(get(urlPathEqualTo("/status")).withQueryParam("location", equalTo("us-west-2"))
                .willReturn(aResponse().withStatus(503)));

        java.util.List<houston.core.engine.Inputs.CapacityReading> read =
                scaler.readyInstances(java.util.List.of("us-east-2", "us-west-2"), 1_764_500_000_000L);

        assertEquals(java.util.List.of(new houston.core.engine.Inputs.CapacityReading("us-east-2", 310, 1_764_500_000_000L)),
                read);
    }
}
