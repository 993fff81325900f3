package houston.app.lab;

import houston.app.config.HoustonSettings;
import houston.app.daemon.Daemon;
import houston.app.daemon.GuardedHttp;
import houston.app.wiring.DnsSwitchFactory;
import houston.app.wiring.NotifierFactory;
import houston.app.wiring.ProbeFactory;
import houston.capacity.Delays;
import houston.capacity.LabScaler;
import houston.core.config.DnsFallbackConfig;
import houston.core.model.TrafficPlan;
import houston.dns.InMemoryDnsSwitch;
import houston.dns.WeightedRecordSwitch;
import houston.dns.zone.InMemoryZone;
import houston.probes.http.VertxHttpProbe;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whole daemon on one machine, no cloud account: 15 lab locations on loopback, every
 * configured vantage probing them in-process, visitors per catchment following the live DNS
 * answers, the in-memory DNS zone (changes in sync after half a second), the lab scaler (lead
 * times ×{@value #LEAD_TIME_SCALE}), and the console notifier (or Slack when a token is configured).
 * With replicas, several daemons share that world and zone through an in-process ZooKeeper
 * ensemble, and the lab's own port serves the fault routes.
 */
public final class Lab implements AutoCloseable {

    static final double LEAD_TIME_SCALE = 0.05;

    /** What every replica of the lab shares: the world, the zone, the scaler, the users, the notifier. */
    record Shared(Vertx vertx, Clock clock, LabWorld world, InMemoryZone zone, LabScaler scaler,
                  NotifierFactory.Built notifier, LabUsers users, VertxHttpProbe probe, LabDnsAnswers answers) {

        /** The lab's own routes (faults, traffic), on every replica and on the lab's port. */
        void mount(Router router) {
            GuardedHttp.quietWhenClientGone(router);
            world.mount(router);
            router.get("/lab/traffic").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                    .end(users.traffic().encodePrettily()));
        }
    }

    private final Shared shared;
    private final ScheduledExecutorService timers;
    private final LabControllers controllers;
    private final HttpServer control;

    private Lab(Shared shared, ScheduledExecutorService timers, LabControllers controllers, HttpServer control) {
        this.shared = shared;
        this.timers = timers;
        this.controllers = controllers;
        this.control = control;
    }

    public static Lab start(HoustonSettings settings, int port, Path journalDir, PrintStream console) throws Exception {
        return start(settings, port, journalDir, console, 1);
    }

    /**
     * @param replicas 1: the daemon listens on {@code port}; more: the lab's fault routes listen on
     *                 {@code port} and replica i on {@code port + i} (all ephemeral when port is 0)
     */
    public static Lab start(HoustonSettings settings, int port, Path journalDir, PrintStream console, int replicas)
            throws Exception {
        Vertx vertx = Vertx.vertx();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        Shared shared = null;
        LabControllers controllers = null;
        try {
            shared = shared(vertx, timers, settings, console);
            if (replicas == 1) {
                controllers = LabControllers.start(shared, shared.world().settings(), port, journalDir, 1);
                checkHealth(shared, timers, controllers);
                return new Lab(shared, timers, controllers, null);
            }
            Router router = Router.router(vertx);
            // Guarded as every replica's port is: it serves the same clients, and idle ones once took the
            // whole process's descriptors through it.
            HttpServer control = GuardedHttp.listen(vertx, shared.world().settings(), router, "127.0.0.1", port);
            controllers = LabControllers.start(shared, shared.world().settings(), port == 0 ? 0 : port + 1, journalDir,
                    replicas);
            GuardedHttp.jsonErrors(router, path -> "no such endpoint on the lab's port: " + path
                    + " (see /lab/faults, /lab/controllers, /lab/traffic; the API is on the replicas' ports)", "the lab's");
            shared.mount(router);
            controllers.mount(router);
            checkHealth(shared, timers, controllers);
            return new Lab(shared, timers, controllers, control);
        } catch (Exception e) {
            // Nothing half-started stays behind (a port in use is an ordinary way to get here).
            if (controllers != null) {
                controllers.close();
            }
            if (shared != null) {
                closeShared(shared);
            }
            timers.shutdownNow();
            vertx.close().await(30, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** With the health-endpoint fallback, the lab's DNS leaves out what the daemons' health endpoint fails. */
    private static void checkHealth(Shared shared, ScheduledExecutorService timers, LabControllers controllers) {
        if (shared.world().settings().engine().dnsFallback().mode() == DnsFallbackConfig.Mode.HEALTH_ENDPOINT) {
            shared.answers().checkEvery(timers, controllers::ports);
        }
    }

    private static Shared shared(Vertx vertx, ScheduledExecutorService timers, HoustonSettings settings,
                                 PrintStream console) throws Exception {
        Clock clock = Clock.systemUTC();
        LabScaler scaler = new LabScaler(settings.topology(), Delays.of(timers), LEAD_TIME_SCALE);
        LabWorld world = LabWorld.start(vertx, settings, scaler::instances);
        HoustonSettings lab = world.settings();
        InMemoryZone zone = new InMemoryZone(clock, Duration.ofMillis(500));
        initialise(zone, lab);
        NotifierFactory.Built notifier = NotifierFactory.create(lab, console);
        // Visitors follow what DNS answers (the zone itself), not what the engine wants.
        LabDnsAnswers answers = new LabDnsAnswers(zone, lab);
        LabUsers users = new LabUsers(vertx, lab.topology(), answers, lab.dns().ttlSeconds());
        users.start();
        world.onDnsApi(zone::controlPlaneDown);
        return new Shared(vertx, clock, world, zone, scaler, notifier, users, ProbeFactory.probe(vertx, lab, clock), answers);
    }

    /**
     * The zone as {@code houston dns init} leaves a production one before the first daemon starts: every
     * pool at home, with the floors a dropped record falls back to when the data-plane fallback is on.
     * Left empty, a record dropped while the DNS API is down spread its catchment over every location,
     * and the lab's smallest was overloaded by a neighbour's evacuation the engine had planned for its floors.
     */
    private static void initialise(InMemoryZone zone, HoustonSettings lab) throws Exception {
        try (WeightedRecordSwitch init = new WeightedRecordSwitch(zone, DnsSwitchFactory.layout(lab), lab.dns().switching())) {
            init.init(TrafficPlan.identity(lab.topology().ids(), 0)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** The first replica's daemon (the only one without replicas). */
    public Daemon daemon() {
        return controllers.replica(1).daemon();
    }

    public LabControllers controllers() {
        return controllers;
    }

    /** Where the fault routes listen: the daemon's port, or the lab's own with replicas. */
    public int port() {
        return control == null ? daemon().port() : control.actualPort();
    }

    public LabWorld world() {
        return shared.world();
    }

    public InMemoryDnsSwitch dns() {
        return controllers.replica(1).dns();
    }

    private static void closeShared(Shared s) throws Exception {
        s.users().stop();
        if (s.notifier().outbox() != null) {
            s.notifier().outbox().close();
        }
        s.probe().close();
        s.world().close();
    }

    @Override
    public void close() throws Exception {
        if (control != null) {
            control.close().await(10, TimeUnit.SECONDS);
        }
        controllers.close();
        closeShared(shared);
        timers.shutdownNow();
        shared.vertx().close().await(30, TimeUnit.SECONDS);
    }
}
