package houston.app.daemon;

import com.github.tomakehurst.wiremock.WireMockServer;
import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.app.config.IntegrationSettings;
import houston.app.demand.PrometheusDemandSource;
import houston.app.wiring.DnsSwitchFactory;
import houston.core.config.DemandConfig;
import houston.core.engine.Action;
import houston.core.engine.AlertKind;
import houston.core.engine.DecisionEngine;
import houston.core.model.TrafficPlan;
import houston.core.port.Notifier;
import houston.dns.WeightedRecordSwitch;
import houston.testkit.Eventually;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measured demand end to end on loopback: WireMock speaks Prometheus's query API, the demand source
 * polls it, the control loop steps the engine on what it read, and {@code /v1/plan} shows each
 * catchment's demand, where it came from and its age. Prometheus then fails: the readings go stale,
 * the engine falls back to the configured peaks, and says so in one alert.
 */
class MeasuredDemandIT {

    private static final String QUERY = "sum by (location) (rate(http_requests_total[1m]))";
    private static final Duration MAX_AGE = Duration.ofSeconds(5);
    /** The first answers wait for WireMock and the web client to warm up, on a machine busy with other builds. */
    private static final Duration WARM_UP = Duration.ofSeconds(60);

    private final HoustonSettings settings = HoustonConfigLoader.load(null);
    private final List<Action.Alert> alerts = new CopyOnWriteArrayList<>();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient http = HttpClient.newHttpClient();
    private WireMockServer prometheus;
    private Vertx vertx;
    private WeightedRecordSwitch dns;
    private PrometheusDemandSource demand;
    private ControlLoop loop;
    private HttpServer api;

    @BeforeEach
    void start() throws Exception {
        prometheus = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        prometheus.start();
        answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"location\":\"us-east-1\"},\"value\":[1764500000.0,\"61000.5\"]},"
                + "{\"metric\":{\"location\":\"eu-west-1\"},\"value\":[1764500000.0,\"30000\"]},"
                + "{\"metric\":{\"location\":\"mars-1\"},\"value\":[1764500000.0,\"5\"]}]}}");
        vertx = Vertx.vertx();
        dns = DnsSwitchFactory.create(settings, Clock.systemUTC());
        dns.init(TrafficPlan.identity(settings.topology().ids(), 0)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        DecisionEngine engine = new DecisionEngine(settings.engine().withDemand(new DemandConfig(MAX_AGE, 0.1)),
                settings.topology());
        loop = new ControlLoop(engine, engine.initialState(Instant.now()), dns, new ReadyScaler(), recording(), null,
                Clock.systemUTC());
        demand = new PrometheusDemandSource(vertx, new IntegrationSettings.Demand("prometheus",
                URI.create("http://127.0.0.1:" + prometheus.port()), Duration.ofMillis(200), Duration.ofSeconds(5), QUERY,
                Map.of()), Set.copyOf(settings.topology().ids()), Clock.systemUTC(), registry);
        loop.readFrom(demand::readings, List::of);
        LoopMetrics.bind(registry, loop);
        Router router = Router.router(vertx);
        new DaemonHttp(loop, registry).mount(router);
        api = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        demand.start();
        loop.start(Duration.ofMillis(200));
    }

    @AfterEach
    void stop() throws Exception {
        loop.close();
        demand.close();
        dns.close();
        vertx.close().await(10, TimeUnit.SECONDS);
        prometheus.stop();
    }

    private void answer(int status, String body) {
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query")).withQueryParam("query", equalTo(QUERY))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private Notifier recording() {
        return new Notifier() {
            @Override
            public void notify(Action.Notify n) {
            }

            @Override
            public void alert(Action.Alert a) {
                alerts.add(a);
            }
        };
    }

    private JsonObject demandOf(String location) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.actualPort()
                    + "/v1/plan")).build(), HttpResponse.BodyHandlers.ofString());
            return new JsonObject(r.body()).getJsonObject("demand").getJsonObject(location);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long staleAlerts() {
        return alerts.stream().filter(a -> a.kind() == AlertKind.DEMAND_STALE).count();
    }

    @Test
    void theEnginePlansOnWhatPrometheusMeasuresAndPlanShowsItsAge() throws Exception {
        Eventually.await(WARM_UP, () -> "measured".equals(demandOf("us-east-1").getString("source")));

        JsonObject usEast = demandOf("us-east-1");
        assertEquals(61000.5, usEast.getDouble("rps"));
        assertTrue(usEast.getDouble("ageSeconds") <= MAX_AGE.toSeconds(), usEast.encode());
        assertEquals(30000, loop.state().demand()[settings.topology().indexOf("eu-west-1")]);
        JsonObject unmeasured = demandOf("ap-south-1");
        assertEquals("configured-peak", unmeasured.getString("source"));
        assertEquals(settings.topology().location(settings.topology().indexOf("ap-south-1")).peakDemandRps(),
                unmeasured.getDouble("rps"));
        assertTrue(registry.scrape().contains("houston_demand_measured{location=\"us-east-1\"} 1.0"));
    }

    @Test
    void prometheusDownMakesTheReadingsStaleAndTheEngineFallsBackToThePeaksWithOneAlert() throws Exception {
        Eventually.await(WARM_UP, () -> "measured".equals(demandOf("us-east-1").getString("source")));

        answer(503, "{\"status\":\"error\",\"error\":\"overloaded\"}");

        Eventually.await(Duration.ofSeconds(30), () -> "configured-peak".equals(demandOf("us-east-1").getString("source")));
        double peak = settings.topology().location(settings.topology().indexOf("us-east-1")).peakDemandRps();
        assertEquals(peak, demandOf("us-east-1").getDouble("rps"));
        // Both catchments went stale on one tick: one alert names them both, and no more follow.
        long tick = loop.state().tick();
        Eventually.await(Duration.ofSeconds(30), () -> loop.state().tick() >= tick + 2 * MAX_AGE.toMillis() / 200);
        assertEquals(1, staleAlerts());
        String message = alerts.stream().filter(a -> a.kind() == AlertKind.DEMAND_STALE).findFirst().orElseThrow().message();
        assertTrue(message.contains("us-east-1") && message.contains("eu-west-1"), message);
        assertTrue(registry.get("houston.demand.query.errors").counter().count() >= 1);
        assertTrue(registry.scrape().contains("houston_demand_measured{location=\"us-east-1\"} 0.0"));
    }
}
