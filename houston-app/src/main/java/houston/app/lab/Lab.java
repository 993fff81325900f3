package houston.app.lab;

import houston.app.config.HoustonSettings;
import houston.app.daemon.Daemon;
import houston.app.wiring.DnsSwitchFactory;
import houston.app.wiring.NotifierFactory;
import houston.app.wiring.ProbeFactory;
import houston.capacity.Delays;
import houston.capacity.LabScaler;
import houston.core.engine.Inputs;
import houston.dns.InMemoryDnsSwitch;
import houston.dns.SwitchSettings;
import houston.probes.http.CanarySite;
import houston.probes.http.VertxHttpProbe;
import houston.probes.metrics.ProbeMetrics;
import houston.probes.schedule.ProbeScheduler;
import io.vertx.core.Vertx;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whole daemon on one machine, no cloud account: 15 lab locations on loopback, every
 * configured vantage probing them in-process, visitors per catchment following the live DNS
 * answers, the in-memory DNS switch (changes in sync after
 * half a second), the lab scaler (lead times ×{@value #LEAD_TIME_SCALE}), and the console
 * notifier (or Slack when a token is configured).
 */
public final class Lab implements AutoCloseable {

    static final double LEAD_TIME_SCALE = 0.05;

    private final Vertx vertx;
    private final ScheduledExecutorService timers;
    private final LabWorld world;
    private final InMemoryDnsSwitch dns;
    private final Daemon daemon;
    private final VertxHttpProbe probe;
    private final List<ProbeScheduler> vantages;
    private final NotifierFactory.Built notifier;
    private final LabUsers users;

    private Lab(Vertx vertx, ScheduledExecutorService timers, LabWorld world, InMemoryDnsSwitch dns, Daemon daemon,
                VertxHttpProbe probe, List<ProbeScheduler> vantages, NotifierFactory.Built notifier, LabUsers users) {
        this.vertx = vertx;
        this.timers = timers;
        this.world = world;
        this.dns = dns;
        this.daemon = daemon;
        this.probe = probe;
        this.vantages = vantages;
        this.notifier = notifier;
        this.users = users;
    }

    public static Lab start(HoustonSettings settings, int port, Path journalDir, PrintStream console) throws Exception {
        Vertx vertx = Vertx.vertx();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        try {
            return start(vertx, timers, settings, port, journalDir, console);
        } catch (Exception e) {
            // Nothing half-started stays behind (a port in use is an ordinary way to get here).
            timers.shutdownNow();
            vertx.close().await(30, TimeUnit.SECONDS);
            throw e;
        }
    }

    private static Lab start(Vertx vertx, ScheduledExecutorService timers, HoustonSettings settings, int port,
                             Path journalDir, PrintStream console) throws Exception {
        Clock clock = Clock.systemUTC();
        LabScaler scaler = new LabScaler(settings.topology(), Delays.of(timers), LEAD_TIME_SCALE);
        LabWorld world = LabWorld.start(vertx, settings, scaler::instances);
        HoustonSettings lab = world.settings();
        SwitchSettings s = lab.dns().switching();
        InMemoryDnsSwitch dns = new InMemoryDnsSwitch(DnsSwitchFactory.layout(lab), new SwitchSettings(s.writerId(),
                s.insyncTimeout(), Duration.ofMillis(100), s.maxAttempts(), s.initialBackoff(), s.maxBackoff()), clock,
                Duration.ofMillis(500));
        NotifierFactory.Built notifier = NotifierFactory.create(lab, console);
        // Visitors follow what DNS answers (the zone itself), not what the engine wants.
        var layout = DnsSwitchFactory.layout(lab);
        LabUsers users = new LabUsers(vertx, lab.topology(), () -> layout.plan(dns.zone().list()), lab.dns().ttlSeconds());
        Daemon daemon = Daemon.start(vertx, lab, dns, scaler, notifier.notifier(), journalDir, "127.0.0.1", port, clock,
                (router, loop, registry) -> {
                    world.mount(router);
                    router.get("/lab/traffic").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                            .end(users.traffic().encodePrettily()));
                });
        users.start();
        // The lab's own counters are the engine's measured demand and running instances.
        daemon.loop().readFrom(users::demand, () -> lab.topology().ids().stream()
                .map(id -> new Inputs.CapacityReading(id, scaler.instances(id))).toList());
        VertxHttpProbe probe = ProbeFactory.probe(vertx, lab, clock);
        List<ProbeScheduler> vantages = new ArrayList<>();
        for (String vantage : lab.engine().health().vantages()) {
            ProbeScheduler scheduler = new ProbeScheduler(vertx, probe, lab.probes(), vantage,
                    CanarySite.targets(lab.topology(), lab.outside().sites()),
                    world.vantageSink(vantage, daemon.loop()::observe), new ProbeMetrics(daemon.registry(), vantage), clock,
                    new SplittableRandom());
            scheduler.start();
            vantages.add(scheduler);
        }
        return new Lab(vertx, timers, world, dns, daemon, probe, vantages, notifier, users);
    }

    public Daemon daemon() {
        return daemon;
    }

    public LabWorld world() {
        return world;
    }

    public InMemoryDnsSwitch dns() {
        return dns;
    }

    @Override
    public void close() throws Exception {
        users.stop();
        vantages.forEach(ProbeScheduler::close);
        daemon.close();
        if (notifier.outbox() != null) {
            notifier.outbox().close();
        }
        probe.close();
        world.close();
        dns.close();
        timers.shutdownNow();
        vertx.close().await(30, TimeUnit.SECONDS);
    }
}
