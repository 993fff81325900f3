package houston.app.lab;

import houston.app.config.HoustonSettings;
import houston.app.daemon.Daemon;
import houston.app.daemon.Replication;
import houston.app.wiring.DnsSwitchFactory;
import houston.core.engine.Inputs;
import houston.dns.InMemoryDnsSwitch;
import houston.dns.SwitchSettings;
import houston.probes.http.CanarySite;
import houston.probes.metrics.ProbeMetrics;
import houston.probes.schedule.ProbeScheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One daemon of the lab: its own DNS writer on the lab's shared zone, its own journal, port and
 * vantages probing the shared lab world, and (with {@code houston.ha.provider = zookeeper}) its
 * replication, so only the leader among the lab's replicas acts.
 */
public final class LabReplica implements AutoCloseable {

    private final InMemoryDnsSwitch dns;
    private final Replication replication;
    private final Daemon daemon;
    private final List<ProbeScheduler> vantages;
    private volatile boolean stopped;

    private LabReplica(InMemoryDnsSwitch dns, Replication replication, Daemon daemon, List<ProbeScheduler> vantages) {
        this.dns = dns;
        this.replication = replication;
        this.daemon = daemon;
        this.vantages = vantages;
    }

    /** @param settings the lab's settings with this replica's {@code houston.ha} and DNS writer id */
    static LabReplica start(Lab.Shared lab, HoustonSettings settings, int port, Path journalDir) throws Exception {
        SwitchSettings s = settings.dns().switching();
        InMemoryDnsSwitch dns = new InMemoryDnsSwitch(lab.zone(), DnsSwitchFactory.layout(settings),
                new SwitchSettings(s.writerId(), s.insyncTimeout(), Duration.ofMillis(100), s.maxAttempts(),
                        s.initialBackoff(), s.maxBackoff()));
        Replication replication = Replication.create(settings.ha(), lab.clock());
        Daemon daemon;
        try {
            daemon = Daemon.start(lab.vertx(), settings, replication.dns(dns), replication.scaler(lab.scaler()),
                    replication.notifier(lab.notifier().notifier(), lab.notifier().outbox()), journalDir, "127.0.0.1",
                    port, lab.clock(), (router, loop, registry) -> {
                        lab.mount(router);
                        Replication.mount(router, loop, registry, replication);
                    });
        } catch (Exception e) {
            replication.close();
            throw e;
        }
        daemon.watchControlPlane(settings, dns::watch, replication::mayAct);
        replication.start(daemon.loop());
        // The lab's own counters are the engine's measured demand and running instances.
        daemon.loop().readFrom(lab.users()::demand, () -> settings.topology().ids().stream()
                .map(id -> new Inputs.CapacityReading(id, lab.scaler().instances(id))).toList());
        List<ProbeScheduler> vantages = new ArrayList<>();
        for (String vantage : settings.engine().health().vantages()) {
            ProbeScheduler scheduler = new ProbeScheduler(lab.vertx(), lab.probe(), settings.probes(), vantage,
                    CanarySite.targets(settings.topology(), settings.outside().sites()),
                    lab.world().vantageSink(vantage, daemon.loop()::observe), new ProbeMetrics(daemon.registry(), vantage),
                    lab.clock(), new SplittableRandom());
            scheduler.start();
            vantages.add(scheduler);
        }
        return new LabReplica(dns, replication, daemon, vantages);
    }

    public Daemon daemon() {
        return daemon;
    }

    InMemoryDnsSwitch dns() {
        return dns;
    }

    /** The {@code ha} part of /v1/status (null with provider none). */
    Map<String, Object> ha() {
        return replication.status();
    }

    boolean stopped() {
        return stopped;
    }

    /**
     * Stops the replica as a dead process stops: daemon, pages, log lines and ZooKeeper client all
     * end here. The caller cuts its links first, so its goodbye never reaches the ensemble and its
     * session expires there as a dead process's would: the others learn of the death only from
     * ZooKeeper, after the session timeout.
     */
    void kill() throws Exception {
        if (stopped) {
            return;
        }
        stopped = true;
        vantages.forEach(ProbeScheduler::close);
        daemon.close();
        replication.close();
    }

    /** Stops the replica; with its links up it leaves the election (a clean stop: the next leader need not wait). */
    @Override
    public void close() throws Exception {
        kill();
        dns.close();
    }
}
