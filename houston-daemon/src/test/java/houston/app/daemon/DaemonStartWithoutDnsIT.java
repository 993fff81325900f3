package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.app.wiring.DnsSwitchFactory;
import houston.core.config.DnsFallbackConfig;
import houston.core.config.EngineConfig;
import houston.core.config.SafetyConfig;
import houston.core.engine.Action;
import houston.core.engine.OperatorCommand;
import houston.core.engine.PinTarget;
import houston.core.model.TrafficPlan;
import houston.core.port.Notifier;
import houston.dns.InMemoryDnsSwitch;
import houston.dns.SwitchSettings;
import houston.dns.zone.InMemoryZone;
import houston.testkit.Eventually;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A daemon restarted while the DNS API is down: it comes up from its journal (the data-plane
 * fallback set still served on /v1/dns-health), says on /v1/status that DNS is unread, publishes
 * nothing, and once DNS answers checks the journal against it and publishes again.
 */
class DaemonStartWithoutDnsIT {

    private static final String EVACUATED = "us-east-1";

    @TempDir
    Path journalDir;

    private final HoustonSettings base = HoustonConfigLoader.load(null);
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private InMemoryZone zone;
    private HoustonSettings settings;
    private Daemon daemon;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        zone = new InMemoryZone(Clock.systemUTC(), Duration.ZERO);
        switchOn().init(TrafficPlan.identity(base.topology().ids(), 0)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        SafetyConfig s = base.engine().safety();
        EngineConfig engine = base.engine()
                .withSafety(new SafetyConfig(s.maxEvacuated(), s.failStaticFraction(), s.minServing(),
                        s.maxNewEvacuations(), s.rateWindow(), s.defaultOverride(), Duration.ofSeconds(1), false))
                .withDnsFallback(new DnsFallbackConfig(DnsFallbackConfig.Mode.HEALTH_ENDPOINT, Duration.ofSeconds(10)));
        settings = new HoustonSettings(base.source(), Duration.ofMillis(250), base.probes(), engine, base.topology(),
                base.outside(), base.dns(), base.scaler(), base.slack(), base.daemon(), base.ha());
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aRestartDuringTheOutageServesTheJournalsFallbackAndChecksDnsOnceItAnswers() throws Exception {
        daemon = startDaemon();
        zone.controlPlaneDown(true);
        daemon.loop().command(new OperatorCommand.Evacuate(EVACUATED, Duration.ofHours(2), "drill", "alice"));
        Eventually.await(Duration.ofSeconds(40), () -> daemon.loop().state().dnsFallback().live().contains(EVACUATED),
                () -> "fallback " + daemon.loop().state().dnsFallback());
        daemon.close();

        daemon = startDaemon();

        JsonObject dns = status().getJsonObject("dns");
        assertFalse(dns.getBoolean("read"), dns.encode());
        assertEquals("journal, not yet checked against DNS", dns.getString("startedFrom"));
        assertEquals(503, get("/v1/dns-health/" + EVACUATED).statusCode());
        assertEquals(200, get("/v1/dns-health/eu-west-1").statusCode());
        assertEquals(PinTarget.EVACUATED, daemon.loop().state().overrides().pin(EVACUATED));
        assertEquals(List.of(EVACUATED), daemon.loop().state().dnsFallback().live());
        JsonObject fallback = status().getJsonObject("fallback");
        assertEquals("data plane", fallback.getString("livePath"));
        assertEquals(List.of(EVACUATED), fallback.getJsonArray("engaged").getList());

        zone.controlPlaneDown(false);

        Eventually.await(Duration.ofSeconds(30), () -> status().getJsonObject("dns").getBoolean("read"),
                () -> "status " + status().encode());
        Eventually.await(Duration.ofSeconds(30), () -> daemon.loop().state().liveGeneration() > 0
                && daemon.loop().state().dnsFallback().idle(), () -> "state " + daemon.loop().state().dnsFallback());
        assertEquals(PinTarget.EVACUATED, daemon.loop().state().overrides().pin(EVACUATED));
        assertEquals(200, get("/v1/dns-health/" + EVACUATED).statusCode());
        assertEquals("weights", status().getJsonObject("fallback").getString("livePath"));
    }

    @Test
    void aFirstStartWithoutDnsIsFailStaticAndSaysSo() throws Exception {
        zone.controlPlaneDown(true);
        int initSubmits = zone.submits();

        daemon = startDaemon();
        daemon.loop().command(new OperatorCommand.Evacuate(EVACUATED, Duration.ofHours(2), "drill", "alice"));
        Eventually.await(Duration.ofSeconds(10), () -> daemon.loop().state().plan().generation() > 0);
        zone.controlPlaneDown(false);
        int submitsWhileUnread = zone.submits() - initSubmits;

        JsonObject dns = status().getJsonObject("dns");
        assertEquals(0, submitsWhileUnread);
        assertEquals("nothing: fail-static, nothing published until DNS can be read", dns.getString("startedFrom"));
        Eventually.await(Duration.ofSeconds(30), () -> daemon.loop().state().liveGeneration() > 0,
                () -> "status " + status().encode());
        assertTrue(status().getJsonObject("dns").getBoolean("read"));
    }

    /** A switch on the zone laying records out as {@code houston} with {@code layoutOf}'s settings would. */
    private InMemoryDnsSwitch switchOn(HoustonSettings layoutOf) {
        return new InMemoryDnsSwitch(zone, DnsSwitchFactory.layout(layoutOf), new SwitchSettings("houston",
                Duration.ofSeconds(5), Duration.ofMillis(20), 1, Duration.ofMillis(10), Duration.ofMillis(10)));
    }

    private InMemoryDnsSwitch switchOn() {
        return switchOn(base);
    }

    /** Weighted records of {@code pool} that answer (weight above 0): its home, and its floors if any. */
    private long answering(String pool) {
        return zone.list().stream().filter(r -> "A".equals(r.type()) && r.name().startsWith(pool + ".")
                && r.weight() != null && r.weight() > 0).count();
    }

    /**
     * The zone was initialised with the fallback off (every pool at home, no floors), as an operator who
     * turns it on later has it. A record dropped before the first publish would spread its catchment over
     * every location; the daemon writes the floors as it starts, weights unchanged.
     */
    @Test
    void aDaemonStartedWithTheFallbackOnWritesTheFloorsTheZoneLacks() throws Exception {
        long before = answering("us-east-1");

        daemon = startDaemon(switchOn(settings));

        Eventually.await(Duration.ofSeconds(10), () -> answering("us-east-1") > 1, () -> "records " + zone.list());
        assertEquals(1, before);
        assertEquals(0, daemon.loop().state().liveGeneration());
        TrafficPlan live = switchOn(settings).readLive().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(live.sameRowsAs(TrafficPlan.identity(base.topology().ids(), 0)), "every pool still at home: " + live);
    }

    private Daemon startDaemon() throws Exception {
        return startDaemon(switchOn());
    }

    private Daemon startDaemon(InMemoryDnsSwitch dns) throws Exception {
        return Daemon.start(vertx, settings, dns, new ReadyScaler(), new Notifier() {
            @Override
            public void notify(Action.Notify n) {
            }

            @Override
            public void alert(Action.Alert a) {
            }
        }, journalDir, "127.0.0.1", 0, Clock.systemUTC(), (router, loop, registry) -> { });
    }

    private JsonObject status() {
        try {
            return new JsonObject(get("/v1/status").body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
