package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.core.config.DnsFallbackConfig;
import houston.core.config.EngineConfig;
import houston.core.config.SafetyConfig;
import houston.core.engine.Action;
import houston.core.engine.Decision;
import houston.core.engine.DecisionEngine;
import houston.core.engine.DecisionKind;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.model.TrafficPlan;
import houston.core.port.Notifier;
import houston.dns.SwitchSettings;
import houston.dns.fallback.HealthEndpointDataPlane;
import houston.dns.records.PoolLayout;
import houston.dns.route53.Route53DnsSwitch;
import houston.dns.route53.Route53HealthChecks;
import houston.dns.route53.Route53StandIn;
import houston.dns.route53.Route53Zone;
import houston.dns.zone.InMemoryZone;
import houston.probes.Eventually;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The health-endpoint fallback end to end on loopback: the engine in its control loop, publishing
 * through the real AWS SDK to the Route 53 stand-in, whose health checks poll the daemon's
 * {@code /v1/dns-health/<location>}. The API goes down, a location dies, the fallback engages and
 * the pool's answers leave the location out; the API comes back, the weights are published and
 * the fallback released, every message in the location's one incident.
 */
class DnsFallbackIT {

    private static final String DEAD = "us-east-1";
    private static final Duration FALLBACK_AFTER = Duration.ofSeconds(10);

    private final HoustonSettings settings = HoustonConfigLoader.load(null);
    private final List<Decision> told = new CopyOnWriteArrayList<>();
    private final Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Vertx vertx;
    private Route53StandIn route53;
    private Route53HealthChecks checks;
    private ControlLoop loop;
    private ScheduledExecutorService probes;
    private HttpServer api;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        route53 = new Route53StandIn(vertx, new InMemoryZone(Clock.systemUTC(), Duration.ZERO));
        PoolLayout layout = new PoolLayout(settings.topology(), settings.dns().zone(), settings.dns().ttlSeconds());
        Route53DnsSwitch dns = new Route53DnsSwitch(new Route53Zone(Route53StandIn.ZONE_ID,
                URI.create("http://127.0.0.1:" + route53.port()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHOUSTONTEST", "not-a-secret"))),
                layout, new SwitchSettings("houston-it", Duration.ofSeconds(10), Duration.ofMillis(50), 1,
                Duration.ofMillis(10), Duration.ofMillis(10)));
        dns.init(TrafficPlan.identity(settings.topology().ids(), 0)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        SafetyConfig s = settings.engine().safety();
        EngineConfig config = settings.engine()
                .withSafety(new SafetyConfig(s.maxEvacuated(), s.failStaticFraction(), s.minServing(),
                        s.maxNewEvacuations(), s.rateWindow(), s.defaultOverride(), Duration.ofSeconds(2), false))
                .withDnsFallback(new DnsFallbackConfig(DnsFallbackConfig.Mode.HEALTH_ENDPOINT, FALLBACK_AFTER));
        DecisionEngine engine = new DecisionEngine(config, settings.topology());
        loop = new ControlLoop(engine, engine.initialState(Instant.now()), dns, new ReadyScaler(), recording(), null,
                Clock.systemUTC());
        loop.useDataPlane(new HealthEndpointDataPlane(List.of()));
        Router router = Router.router(vertx);
        new DaemonHttp(loop, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).mount(router);
        api = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        checks = new Route53HealthChecks(route53.zone, URI.create("http://127.0.0.1:" + api.actualPort()),
                Duration.ofMillis(500), 3);
        probes = Executors.newSingleThreadScheduledExecutor();
        probes.scheduleAtFixedRate(this::probeEverything, 0, 250, TimeUnit.MILLISECONDS);
        loop.start(Duration.ofMillis(250));
    }

    @AfterEach
    void stop() throws Exception {
        probes.shutdownNow();
        loop.close();
        checks.close();
        route53.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void apiDownThenALocationDiesFallbackEngagesAndIsReleasedOnceTheWeightsAreLive() throws Exception {
        String pool = DEAD + ".pool." + settings.dns().zone();
        Eventually.await(() -> checks.answers(pool).equals(java.util.Map.of(DEAD, 1.0)));
        route53.controlPlaneDown(true);

        failing.add(DEAD);

        long died = System.nanoTime();
        Eventually.await(Duration.ofSeconds(60), () -> !checks.answers(pool).containsKey(DEAD)
                && !checks.answers(pool).isEmpty(), () -> "answers " + checks.answers(pool));
        Duration toMove = Duration.ofNanos(System.nanoTime() - died);
        assertTrue(toMove.compareTo(FALLBACK_AFTER.plusSeconds(20)) < 0, "took " + toMove);
        assertEquals(List.of(DEAD), loop.state().dnsFallback().live());

        route53.controlPlaneDown(false);

        Eventually.await(Duration.ofSeconds(60), () -> loop.state().dnsFallback().idle(),
                () -> "fallback " + loop.state().dnsFallback());
        Eventually.await(Duration.ofSeconds(15), () -> !checks.answers(pool).containsKey(DEAD) && checks.answers(pool).size() < 14,
                () -> "answers " + checks.answers(pool));
        // The loop goes on planning (receivers' scale-down, fail-back): the wanted plan becomes live, whichever it is.
        Eventually.await(Duration.ofSeconds(15), () -> loop.state().liveGeneration() == loop.state().plan().generation(),
                () -> "live " + loop.state().liveGeneration() + " of " + loop.state().plan().generation());
        String incident = incidentOf(DecisionKind.EVACUATION_DECIDED);
        assertEquals(incident, incidentOf(DecisionKind.FALLBACK_ENGAGED));
        assertEquals(incident, incidentOf(DecisionKind.FALLBACK_RELEASED));
        assertFalse(told.stream().anyMatch(d -> d.location().equals(DEAD) && d.incident() != null
                && !d.incident().equals(incident)), told.toString());
    }

    private String incidentOf(DecisionKind kind) {
        return told.stream().filter(d -> d.kind() == kind && d.location().equals(DEAD)).findFirst()
                .map(Decision::incident).orElse("none: " + kind);
    }

    private void probeEverything() {
        Instant now = Instant.now();
        for (String v : settings.engine().health().vantages()) {
            for (String l : settings.topology().ids()) {
                loop.observe(new Observation(v, l, "canary", now, failing.contains(l) ? Outcome.CONNECT_ERROR
                        : Outcome.OK, Duration.ofMillis(20)));
            }
        }
    }

    private Notifier recording() {
        return new Notifier() {
            @Override
            public void notify(Action.Notify n) {
                told.add(n.decision());
            }

            @Override
            public void alert(Action.Alert a) {
                if (a.decision() != null) {
                    told.add(a.decision());
                }
            }
        };
    }
}
