package houston.app.lab;

import houston.app.config.DnsSettings;
import houston.app.config.HaSettings;
import houston.app.config.HoustonSettings;
import houston.dns.SwitchSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The lab's daemons: one, or several replicas on an in-process ZooKeeper ensemble, each on its own
 * port and its own links to the ensemble. {@code POST /lab/controllers}
 * ({@code {"replica":2,"fault":"kill"}}) kills a replica (it stops where it stands; the ensemble
 * finds out when its session expires), partitions it from the ensemble (it keeps running, cut off),
 * or clears either (a killed replica starts again on its port with its journal). Served on the lab's
 * own port, which outlives any replica.
 */
public final class LabControllers implements AutoCloseable {

    private final Lab.Shared lab;
    private final HoustonSettings settings;
    private final Path journalDir;
    private final LabEnsemble ensemble;
    private final LabReplica[] replicas;
    private final LabEnsemble.Link[] links;
    private final int[] ports;
    private final boolean[] partitioned;
    private final java.util.concurrent.ExecutorService faults = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "houston-lab-controller-faults");
        t.setDaemon(true);
        return t;
    });

    private LabControllers(Lab.Shared lab, HoustonSettings settings, Path journalDir, LabEnsemble ensemble, int n) {
        this.lab = lab;
        this.settings = settings;
        this.journalDir = journalDir;
        this.ensemble = ensemble;
        this.replicas = new LabReplica[n];
        this.links = new LabEnsemble.Link[n];
        this.ports = new int[n];
        this.partitioned = new boolean[n];
    }

    /** {@code n} daemons; replica i listens on {@code port + i - 1} (all ephemeral when port is 0). */
    static LabControllers start(Lab.Shared lab, HoustonSettings settings, int port, Path journalDir, int n) throws Exception {
        LabControllers c = new LabControllers(lab, settings, journalDir, n > 1 ? LabEnsemble.start() : null, n);
        try {
            for (int i = 0; i < n; i++) {
                c.ports[i] = port == 0 ? 0 : port + i;
                c.start(i);
            }
        } catch (Exception e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void start(int i) throws Exception {
        if (ensemble == null) {
            replicas[i] = LabReplica.start(lab, settings, ports[i], journalDir);
            ports[i] = replicas[i].daemon().port();
            return;
        }
        String id = "replica-" + (i + 1);
        links[i] = ensemble.link();
        HaSettings ha = settings.ha();
        DnsSettings d = settings.dns();
        SwitchSettings s = d.switching();
        HoustonSettings mine = new HoustonSettings(settings.source(), settings.tick(), settings.probes(), settings.engine(),
                settings.topology(), settings.outside(), new DnsSettings(d.provider(), d.zone(), d.ttlSeconds(),
                new SwitchSettings(id, s.insyncTimeout(), s.pollInterval(), s.maxAttempts(), s.initialBackoff(),
                        s.maxBackoff()), d.file(), d.hostedZoneId(), d.endpoint(), d.arc(), d.healthCheck(), d.controlPlaneWatch()), settings.scaler(), settings.slack(),
                settings.daemon(), new HaSettings("zookeeper", id, links[i].connectString(), ha.sessionTimeout(),
                ha.connectionTimeout(), ha.path()));
        replicas[i] = LabReplica.start(lab, mine, ports[i], Files.createDirectories(journalDir.resolve(id)));
        // A restarted replica comes back where the user last found it.
        ports[i] = replicas[i].daemon().port();
    }

    public int size() {
        return replicas.length;
    }

    /** The replicas' ports (a killed one's included: it answers nothing until restarted). */
    public java.util.List<Integer> ports() {
        return java.util.Arrays.stream(ports).boxed().toList();
    }

    public LabReplica replica(int n) {
        return replicas[n - 1];
    }

    /** kill | partition | clear replica {@code n} (1-based); the replicas' state after it. */
    public synchronized JsonArray fault(int n, String fault) throws Exception {
        if (ensemble == null) {
            throw new IllegalArgumentException("controller faults need replicas (expected: houston lab --replicas 3)");
        }
        if (n < 1 || n > replicas.length) {
            throw new IllegalArgumentException("controller: " + n + " (expected: 1.." + replicas.length + ")");
        }
        int i = n - 1;
        switch (fault) {
            case "kill" -> {
                links[i].cut();
                replicas[i].kill();
            }
            case "partition" -> {
                links[i].cut();
                partitioned[i] = true;
            }
            case "clear" -> clear(i);
            default -> throw new IllegalArgumentException("fault: " + LabFault.quoted(fault)
                    + " (expected: kill, partition or clear)");
        }
        return state();
    }

    private void clear(int i) throws Exception {
        partitioned[i] = false;
        if (replicas[i].stopped()) {
            // Closed while still cut off, so the dead replica's client cannot rejoin the election.
            replicas[i].close();
            start(i);
        } else {
            links[i].resume();
        }
    }

    /** Each replica: its number, port, whether it runs, is cut off, acts, and who it thinks leads. */
    public synchronized JsonArray state() {
        JsonArray all = new JsonArray();
        for (int i = 0; i < replicas.length; i++) {
            boolean running = !replicas[i].stopped();
            Map<String, Object> ha = running ? replicas[i].ha() : null;
            all.add(new JsonObject().put("replica", i + 1).put("port", ports[i]).put("running", running)
                    .put("partitioned", partitioned[i]).put("acting", ha != null && Boolean.TRUE.equals(ha.get("acting")))
                    .put("leader", ha == null ? null : ha.get("leader")));
        }
        return all;
    }

    /** The fault routes, on the lab's own port (never on a replica's: a killed replica answers nothing). */
    void mount(Router router) {
        router.get("/lab/controllers").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(state().encodePrettily()));
        // A route of its own: Vert.x takes no handler before a route's BodyHandler.
        router.post("/lab/controllers").handler(LabBodyDeadline::arm);
        router.post("/lab/controllers").handler(BodyHandler.create(false).setBodyLimit(LabBodyDeadline.MAX_BYTES))
                .handler(LabWriteGuard::sameOriginJsonOnly).handler(ctx -> {
                    LabControllerBody body;
                    try {
                        body = LabControllerBody.parse(ctx.body().asString());
                    } catch (IllegalArgumentException e) {
                        LabWorld.refuse(ctx, 400, e.getMessage());
                        return;
                    }
                    // A kill or restart takes seconds and waits on Vert.x futures: off the event loop and
                    // off Vert.x's own threads, one fault at a time.
                    faults.execute(() -> {
                        try {
                            JsonArray state = fault(body.replica(), body.fault());
                            ctx.response().putHeader("Content-Type", "application/json").end(state.encodePrettily());
                        } catch (IllegalArgumentException e) {
                            LabWorld.refuse(ctx, 400, e.getMessage());
                        } catch (Exception e) {
                            LabWorld.refuse(ctx, 500, String.valueOf(e));
                        }
                    });
                });
    }

    @Override
    public void close() throws Exception {
        faults.shutdownNow();
        for (LabReplica r : replicas) {
            if (r != null) {
                r.close();
            }
        }
        if (ensemble != null) {
            ensemble.close();
        }
    }
}
