package houston.app.daemon;

import houston.app.config.HoustonSettings;
import houston.app.wiring.PrometheusRegistries;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.port.ControlPlaneWatch;
import houston.core.port.DnsDataPlane;
import houston.core.port.DnsSwitch;
import houston.core.port.Notifier;
import houston.core.port.Scaler;
import houston.dns.fallback.ArcDataPlane;
import houston.dns.fallback.HealthEndpointDataPlane;
import houston.dns.fallback.NoDataPlane;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The daemon: restores its state from the journal checked against the live DNS (the truth after a
 * restart, so an evacuation is neither forgotten nor flapped back; DNS unreadable: see
 * {@link DnsStartGate}), runs the control loop, and serves the API, the status
 * page and /metrics. Its parts (DNS switch, scaler, notifier, probes, extra routes) are given,
 * so {@code houston run} and {@code houston lab} differ only in what they plug in.
 */
public final class Daemon implements AutoCloseable {

    private final ControlLoop loop;
    private final JsonlJournal journal;
    private final HttpServer server;
    private final PrometheusMeterRegistry registry;
    private final DaemonHttp http;

    private Daemon(ControlLoop loop, JsonlJournal journal, HttpServer server, PrometheusMeterRegistry registry,
                   DaemonHttp http) {
        this.loop = loop;
        this.journal = journal;
        this.server = server;
        this.registry = registry;
        this.http = http;
    }

    /** Mounts more routes (intake, Slack, lab) once the loop and the registry exist. */
    @FunctionalInterface
    public interface Routes {
        void mount(Router router, ControlLoop loop, PrometheusMeterRegistry registry);
    }

    public static Daemon start(Vertx vertx, HoustonSettings settings, DnsSwitch dns, Scaler scaler, Notifier notifier,
                               Path journalDir, String host, int port, Clock clock, Routes routes) throws Exception {
        PrometheusMeterRegistry registry = PrometheusRegistries.withJvmMetrics();
        DecisionEngine engine = new DecisionEngine(settings.engine(), settings.topology());
        Instant now = clock.instant();
        JsonlJournal journal = new JsonlJournal(journalDir, settings.daemon().journalMaxBytes(),
                settings.daemon().journalKeepFiles());
        LoopMetrics.bindJournal(registry, journal);
        DnsStartGate gate = DnsStartGate.open(dns, engine, journal, now, Duration.ofSeconds(30),
                settings.engine().safety().publishRetry(), settings.ha().enabled());
        JournalRestore.Start start = gate.start();
        EngineState initial = start.state();
        StartFloors.write(gate, initial, settings.engine().dnsFallback().enabled(), settings.ha().enabled(), gate.read());
        if (!start.replayed()) {
            // A fresh start: replays begin here. After a successful replay the journal simply continues.
            journal.checkpoint(new JsonlJournal.Checkpoint(now, initial.plan().toMap(), initial.plan().generation(),
                    initial.liveGeneration()));
        }
        ControlLoop loop = new ControlLoop(engine, initial, gate, scaler, notifier, journal, clock);
        gate.retryFrom(loop, clock);
        loop.restoredCommandsAt(start.lastCommand());
        loop.askAgainForScaleUps();
        start.carried().forEach(loop::commandHere);
        loop.rememberReplayed(start.decisions());
        loop.useDataPlane(dataPlane(settings, initial));
        loop.onTick(new QuietCheckpoints(engine, journal, clock, now)::afterTick);
        LoopMetrics.bind(registry, loop);
        DnsFallbackMetrics.bind(registry, loop, clock);
        Router router = Router.router(vertx);
        DaemonHttp http = new DaemonHttp(loop, registry);
        http.mount(router);
        routes.mount(router, loop, registry);
        var d = settings.daemon();
        HttpConnectionGuard guard = new HttpConnectionGuard(vertx,
                HttpConnectionGuard.cap(d.maxConnections(), settings.probes().maxInFlight()), d.maxConnectionsPerClient(),
                d.headerTimeout(),
                d.idleTimeout(), registry);
        HttpServer server = guard.install(vertx.createHttpServer(guard.options()), router)
                .invalidRequestHandler(DaemonHttp::invalidRequest).listen(port, host)
                .await(30, TimeUnit.SECONDS);
        loop.start(settings.tick());
        return new Daemon(loop, journal, server, registry, http);
    }

    private static DnsDataPlane dataPlane(HoustonSettings settings, EngineState initial) {
        return switch (settings.engine().dnsFallback().mode()) {
            // Answers as the restored engine remembers, so a restart does not bring an evacuated location back.
            case HEALTH_ENDPOINT -> new HealthEndpointDataPlane(initial.dnsFallback().live());
            // Credentials: the AWS default chain; the SDK blocks, so it gets a thread of its own.
            case ARC -> ArcDataPlane.withOwnThread(settings.dns().arc().endpoints(), settings.dns().arc().controls(), null);
            case NONE -> new NoDataPlane();
        };
    }

    /**
     * Starts the control-plane watch ({@code houston.dns.control-plane-watch}) when a data-plane
     * fallback is configured and the watch is not off: its readings tell the engine the DNS API is
     * down before a publish needs it. Read only while {@code acting} (the leader).
     */
    public void watchControlPlane(HoustonSettings settings, Supplier<ControlPlaneWatch> watch, BooleanSupplier acting) {
        Duration every = settings.dns().controlPlaneWatch();
        if (settings.engine().dnsFallback().enabled() && !every.isZero()) {
            loop.watchControlPlane(watch.get(), every, acting);
        }
    }

    public ControlLoop loop() {
        return loop;
    }

    public int port() {
        return server.actualPort();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Text answers for operators (Slack's status/explain/weights). */
    public StatusText text() {
        return text(loop);
    }

    /** The same answers for a loop, before the daemon around it exists (routes are mounted at start). */
    public static StatusText text(ControlLoop loop) {
        StatusView view = new StatusView(loop);
        return new StatusText(view::statusText, view::explainText, view::weightsText);
    }

    /** The three read-only answers, as functions. */
    public record StatusText(java.util.function.Supplier<String> status,
                             java.util.function.Function<String, String> explain,
                             java.util.function.Supplier<String> weights) {
    }

    /**
     * Stops ticking after the tick in progress, closes the data plane's clients (ARC's SDK clients),
     * the journal (writing its closing mark), then the server.
     */
    @Override
    public void close() throws Exception {
        loop.close();
        if (http.dataPlane() instanceof AutoCloseable plane) {
            plane.close();
        }
        journal.close();
        server.close().await(10, TimeUnit.SECONDS);
    }
}
