package houston.probes.signals;

import com.github.tomakehurst.wiremock.WireMockServer;
import houston.core.health.ServiceSignal;
import houston.core.health.SignalStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Prometheus-query signal against WireMock speaking Prometheus's /api/v1/query format on loopback. */
class PrometheusSignalSourceIT {

    private static final SignalQuery ERRORS = new SignalQuery("eu-west-1", "checkout-db",
            "sum(rate(db_errors_total{region=\"eu-west-1\"}[1m]))", 1, 5, true);

    private WireMockServer prometheus;
    private Vertx vertx;
    private PrometheusSignalSource source;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        prometheus = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        prometheus.start();
        vertx = Vertx.vertx();
        source = new PrometheusSignalSource(vertx, URI.create("http://127.0.0.1:" + prometheus.port()), List.of(ERRORS),
                Duration.ofSeconds(15), Clock.systemUTC(), registry);
    }

    @AfterEach
    void stop() throws Exception {
        source.close();
        vertx.close().await(10, TimeUnit.SECONDS);
        prometheus.stop();
    }

    private void answer(int status, String body) {
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query")).withQueryParam("query", equalTo(ERRORS.expr()))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String vector(String value) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1732248000.0,\""
                + value + "\"]}]}}";
    }

    private ServiceSignal evaluate() throws Exception {
        return source.evaluate(ERRORS).await(10, TimeUnit.SECONDS);
    }

    @Test
    void valueAboveTheFailingThresholdIsFailing() throws Exception {
        answer(200, vector("7.5"));

        ServiceSignal s = evaluate();

        assertEquals(SignalStatus.FAILING, s.status());
        assertEquals("eu-west-1", s.location());
        assertTrue(s.detail().contains("7.5"), s.detail());
    }

    @Test
    void valueBetweenThresholdsIsDegraded() throws Exception {
        answer(200, vector("2"));

        assertEquals(SignalStatus.DEGRADED, evaluate().status());
    }

    @Test
    void valueBelowThresholdsIsHealthy() throws Exception {
        answer(200, vector("0.1"));

        assertEquals(SignalStatus.HEALTHY, evaluate().status());
    }

    @Test
    void emptyVectorGivesNoSignal() throws Exception {
        answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");

        assertNull(evaluate());
    }

    @Test
    void prometheusErrorGivesNoSignalAndIsCounted() {
        answer(503, "{\"status\":\"error\",\"error\":\"overloaded\"}");

        assertThrows(Exception.class, () -> source.evaluate(ERRORS).await(10, TimeUnit.SECONDS));

        assertEquals(1.0, registry.get("houston.signal.query.errors").counter().count());
    }

    @Test
    void everyConfiguredServiceHasItsErrorCounterBeforeAnyQueryFails() {
        // Nothing evaluated yet: the series exists at 0, so a rate() over it and the docs' metric list hold from the start.
        assertEquals(0.0, registry.get("houston.signal.query.errors").tag("service", ERRORS.service()).counter().count());
    }
}
