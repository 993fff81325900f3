package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.app.wiring.NotifierFactory;
import houston.app.wiring.SlackStandIn;
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
import houston.core.plan.FallbackReceivers;
import houston.core.port.DnsDataPlane;
import houston.core.port.Notifier;
import houston.dns.SwitchSettings;
import houston.dns.fallback.ArcClusterStandIn;
import houston.dns.fallback.ArcDataPlane;
import houston.dns.fallback.HealthEndpointDataPlane;
import houston.dns.records.PoolLayout;
import houston.dns.route53.Route53DnsSwitch;
import houston.dns.route53.Route53HealthCheckSetup;
import houston.dns.route53.Route53HealthChecks;
import houston.dns.route53.Route53StandIn;
import houston.dns.route53.Route53Zone;
import houston.dns.zone.InMemoryZone;
import houston.testkit.Eventually;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data-plane fallback end to end on loopback: the engine in its control loop, publishing
 * through the real AWS SDK to the Route 53 stand-in, whose health checks (created as dns init
 * creates them) decide which records its pools answer. The API goes down, a location dies, the
 * fallback engages and the pool's answers leave the location out, going to its fallback
 * receivers only; the API comes back, the weights are published and the fallback released,
 * every message in the location's one incident, one Slack thread.
 */
class DnsFallbackIT {

    private static final String DEAD = "us-east-1";
    private static final Duration FALLBACK_AFTER = Duration.ofSeconds(10);
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHOUSTONTEST", "not-a-secret"));

    @TempDir
    Path dir;

    private final List<Decision> told = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private HoustonSettings settings;
    private Vertx vertx;
    private SlackStandIn slack;
    private NotifierFactory.Built slackNotifier;
    private Route53StandIn route53;
    private Route53HealthChecks checks;
    private ControlLoop loop;
    private ScheduledExecutorService probes;
    private DnsDataPlane plane;
    private ArcClusterStandIn cluster;
    private String pool;

    @BeforeEach
    void standIns() throws Exception {
        vertx = Vertx.vertx();
        slack = new SlackStandIn();
        Files.writeString(dir.resolve("slack.conf"), slack.settings(dir));
        settings = HoustonConfigLoader.load(dir.resolve("slack.conf"));
        route53 = new Route53StandIn(vertx, new InMemoryZone(Clock.systemUTC(), Duration.ZERO));
        pool = DEAD + ".pool." + settings.dns().zone();
    }

    @AfterEach
    void stop() throws Exception {
        probes.shutdownNow();
        loop.close();
        if (plane instanceof AutoCloseable c) {
            c.close();
        }
        checks.close();
        slackNotifier.outbox().close();
        slack.close();
        route53.close();
        if (cluster != null) {
            cluster.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void healthEndpointEngagesWhenTheApiIsDownAndIsReleasedOnceTheWeightsAreLive() throws Exception {
        HealthEndpointDataPlane health = new HealthEndpointDataPlane(List.of());
        Map<String, String> ids = new TreeMap<>();
        try (Route53HealthCheckSetup setup = new Route53HealthCheckSetup(settings.dns().zone(), r53(), CREDENTIALS)) {
            setup.ensure(settings.topology().ids(), new Route53HealthCheckSetup.Spec("houston.example.net", 443,
                    Duration.ofSeconds(10), 3)).forEach(p -> ids.put(p.location(), p.id()));
        }
        start(DnsFallbackConfig.Mode.HEALTH_ENDPOINT, health, ids);
        HttpServer api = api();
        // No TLS on loopback: the checks' name stands for the API's plain-HTTP address.
        checks = new Route53HealthChecks(route53, name -> name.equals("houston.example.net")
                ? URI.create("http://127.0.0.1:" + api.actualPort()) : null, arn -> "On", Duration.ofMillis(500));

        apiDownThenTheLocationDiesAndTheApiComesBack(() -> assertFalse(health.healthy(DEAD)));

        assertTrue(health.healthy(DEAD));
    }

    @Test
    void arcEngagesThroughTheEndpointsThatAnswerAndIsReleasedOnceTheWeightsAreLive() throws Exception {
        Map<String, String> controls = new TreeMap<>();
        settings.topology().ids().forEach(l -> controls.put(l,
                "arn:aws:route53-recovery-control::111122223333:controlpanel/p/routingcontrol/" + l));
        Map<String, String> initial = new TreeMap<>();
        controls.values().forEach(arn -> initial.put(arn, "On"));
        cluster = new ArcClusterStandIn(vertx, 3, initial);
        cluster.down(0);
        cluster.unavailable(1);
        Map<String, String> ids = new TreeMap<>();
        controls.forEach((l, arn) -> ids.put(l, route53.recoveryControlCheck(arn)));
        start(DnsFallbackConfig.Mode.ARC, ArcDataPlane.withOwnThread(List.of(
                new ArcDataPlane.Endpoint("us-east-1", cluster.url(0)),
                new ArcDataPlane.Endpoint("us-west-2", cluster.url(1)),
                new ArcDataPlane.Endpoint("eu-west-1", cluster.url(2))), controls, CREDENTIALS), ids);
        checks = new Route53HealthChecks(route53, name -> null, cluster::state, Duration.ofMillis(100));

        // Endpoints 0 and 1 are down: only the third can have turned the control Off.
        apiDownThenTheLocationDiesAndTheApiComesBack(() -> assertEquals("Off", cluster.state(controls.get(DEAD))));

        assertEquals("On", cluster.state(controls.get(DEAD)));
        // Which endpoint took the change and which failed first, in Slack's summary and /v1/decisions' explanation.
        Decision engaged = told.stream().filter(d -> d.kind() == DecisionKind.FALLBACK_ENGAGED).findFirst().orElseThrow();
        assertTrue(engaged.summary().contains("routing controls set through eu-west-1 ") && engaged.summary().contains(
                " after us-east-1 ") && engaged.summary().contains("us-west-2 "), engaged.summary());
        assertTrue(engaged.explanation().render().contains("data plane: routing controls set through eu-west-1 "),
                engaged.explanation().render());
    }

    /** The engine with {@code mode}, publishing to the stand-in, records tied to {@code healthChecks}. */
    private void start(DnsFallbackConfig.Mode mode, DnsDataPlane dataPlane, Map<String, String> healthChecks)
            throws Exception {
        SafetyConfig s = settings.engine().safety();
        EngineConfig config = settings.engine()
                .withSafety(new SafetyConfig(s.maxEvacuated(), s.failStaticFraction(), s.minServing(),
                        s.maxNewEvacuations(), s.rateWindow(), s.defaultOverride(), Duration.ofSeconds(2), false))
                .withDnsFallback(new DnsFallbackConfig(mode, FALLBACK_AFTER));
        PoolLayout layout = new PoolLayout(settings.topology(), settings.dns().zone(), settings.dns().ttlSeconds(),
                new FallbackReceivers(settings.topology(), config.planner()));
        Route53DnsSwitch dns = new Route53DnsSwitch(new Route53Zone(Route53StandIn.ZONE_ID, r53(), CREDENTIALS),
                layout, new SwitchSettings("houston-it", Duration.ofSeconds(10), Duration.ofMillis(50), 1,
                Duration.ofMillis(10), Duration.ofMillis(10)));
        dns.init(TrafficPlan.identity(settings.topology().ids(), 0), healthChecks).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        DecisionEngine engine = new DecisionEngine(config, settings.topology());
        slackNotifier = NotifierFactory.create(settings, new PrintStream(PrintStream.nullOutputStream()));
        loop = new ControlLoop(engine, engine.initialState(Instant.now()), dns, new ReadyScaler(), recording(), null,
                Clock.systemUTC());
        plane = dataPlane;
        loop.useDataPlane(dataPlane);
        probes = Executors.newSingleThreadScheduledExecutor();
        probes.scheduleAtFixedRate(this::probeEverything, 0, 250, TimeUnit.MILLISECONDS);
        loop.start(Duration.ofMillis(250));
    }

    /** The scenario both paths share; {@code whileEngaged} checks the path's own lever while the fallback holds. */
    private void apiDownThenTheLocationDiesAndTheApiComesBack(Runnable whileEngaged) throws Exception {
        Eventually.await(Duration.ofSeconds(15), () -> checks.answers(pool).keySet().contains(DEAD)
                && checks.answers(pool).get(DEAD) > 0.98, () -> "answers " + checks.answers(pool));
        route53.controlPlaneDown(true);

        failing.add(DEAD);

        long died = System.nanoTime();
        Eventually.await(Duration.ofSeconds(60), () -> !checks.answers(pool).containsKey(DEAD)
                && !checks.answers(pool).isEmpty(), () -> "answers " + checks.answers(pool));
        Duration toMove = Duration.ofNanos(System.nanoTime() - died);
        assertTrue(toMove.compareTo(FALLBACK_AFTER.plusSeconds(20)) < 0, "took " + toMove);
        // The lever may act before the loop's next tick takes in its outcome (ARC answers at once).
        Eventually.await(Duration.ofSeconds(5), () -> loop.state().dnsFallback().live().equals(List.of(DEAD)),
                () -> "fallback " + loop.state().dnsFallback());
        // Only the receivers the planner would pick are left with a share: the floors published at home.
        assertEquals(fallbackReceivers(), checks.answers(pool).keySet());
        whileEngaged.run();

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
        Eventually.await(Duration.ofSeconds(15), () -> slack.replies().size() >= 2, () -> "replies " + slack.replies().size());
        // Every failed publish is also paged in the channel on its own (a global alert, not the incident's).
        List<String> threads = slack.threadStarts().stream()
                .map(r -> java.net.URLDecoder.decode(r.getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                .filter(body -> !body.contains("*dns publish failed*")).toList();
        assertEquals(1, threads.size(), threads::toString);
        assertTrue(threads.get(0).contains(DEAD), threads.get(0));
    }

    private Set<String> fallbackReceivers() {
        double[][] home = new double[settings.topology().size()][settings.topology().size()];
        for (int i = 0; i < home.length; i++) {
            home[i][i] = 1;
        }
        Set<String> ids = new java.util.TreeSet<>();
        new FallbackReceivers(settings.topology(), settings.engine().planner())
                .of(settings.topology().indexOf(DEAD), home).forEach(r -> ids.add(settings.topology().location(r).id()));
        return ids;
    }

    private HttpServer api() throws Exception {
        Router router = Router.router(vertx);
        new DaemonHttp(loop, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).mount(router);
        return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    private URI r53() {
        return URI.create("http://127.0.0.1:" + route53.port());
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

    /** Records what the engine tells, and tells it in Slack (the stand-in) as the daemon does. */
    private Notifier recording() {
        Notifier inSlack = slackNotifier.notifier();
        return new Notifier() {
            @Override
            public void notify(Action.Notify n) {
                told.add(n.decision());
                inSlack.notify(n);
            }

            @Override
            public void alert(Action.Alert a) {
                if (a.decision() != null) {
                    told.add(a.decision());
                }
                inSlack.alert(a);
            }
        };
    }
}
