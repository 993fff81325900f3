package houston.app.daemon;

import houston.app.config.HaSettings;
import houston.core.engine.Action;
import houston.core.engine.AlertKind;
import houston.core.engine.EngineState;
import houston.core.port.DnsDataPlane;
import houston.core.port.DnsSwitch;
import houston.core.port.Notifier;
import houston.core.port.Scaler;
import houston.dns.WeightedRecordSwitch;
import houston.dns.fallback.HealthEndpointDataPlane;
import houston.ha.ActingGate;
import houston.ha.CuratorLeadership;
import houston.ha.HaSnapshot;
import houston.ha.Leadership;
import houston.ha.ZooKeeperSharedState;
import houston.slack.notify.SlackOutbox;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * This daemon as one replica of several ({@code houston.ha.provider = zookeeper}): the adapters go
 * through an {@link ActingGate}, so only the leader acts; a takeover ({@link LeaderTakeover}) claims
 * the DNS fence at the new epoch ({@link FenceOwed}), then continues from DNS and the shared state;
 * while leading, the
 * overrides, open incidents, Slack threads and checkpoint are written to ZooKeeper after every tick
 * that changed them, and commands a follower received are taken from the queue and applied
 * ({@link SharedStateWriter}). Every replica pages
 * once when it has been cut off from the ensemble for a session. With {@code none} every method
 * passes the adapters through untouched: the daemon is exactly the single one it always was.
 */
public final class Replication implements Leadership.Role, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Replication.class);

    private final HaSettings settings;
    private final Clock clock;
    private final CuratorFramework client;
    private final CuratorLeadership leadership;
    private final ZooKeeperSharedState shared;
    private final ActingGate gate;
    private final SharedStateWriter writer;
    final ReplicationMetrics metrics = new ReplicationMetrics();
    private WeightedRecordSwitch dns;
    private FenceOwed fence;
    private DnsDataPlane plane;
    private Notifier pager;
    private SlackOutbox outbox;
    private ControlLoop loop;
    private LeaderTakeover takeover;

    private Replication(HaSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        if (!settings.enabled()) {
            client = null;
            leadership = null;
            shared = null;
            gate = null;
            writer = null;
            return;
        }
        client = CuratorFrameworkFactory.builder().connectString(settings.connect())
                .sessionTimeoutMs((int) settings.sessionTimeout().toMillis())
                .connectionTimeoutMs((int) settings.connectionTimeout().toMillis())
                .retryPolicy(new BoundedExponentialBackoffRetry(100, 1000, 10))
                // The ensemble is what the operator configured: a replica cut off from it stays cut off.
                .ensembleTracker(false).build();
        client.start();
        leadership = new CuratorLeadership(client, settings.path() + "/leader", settings.replica(), settings.sessionTimeout());
        shared = new ZooKeeperSharedState(client, settings.path());
        gate = new ActingGate(leadership::acting);
        writer = new SharedStateWriter(settings.replica(), clock, shared, leadership);
    }

    public static Replication create(HaSettings settings, Clock clock) {
        return new Replication(settings, clock);
    }

    public DnsSwitch dns(WeightedRecordSwitch real) {
        this.dns = real;
        this.fence = new FenceOwed(real);
        return gate == null ? real : gate.dns(fence, real::peekLive);
    }

    /** True while this replica may act on the world: always without replication, as the leader with it. */
    public boolean mayAct() {
        return gate == null || leadership.acting();
    }

    public Scaler scaler(Scaler real) {
        return gate == null ? real : gate.scaler(real);
    }

    /** @param slack the Slack outbox whose incident threads are shared (null: console) */
    public Notifier notifier(Notifier real, SlackOutbox slack) {
        this.pager = real;
        this.outbox = slack;
        return gate == null ? real : gate.notifier(real);
    }

    /** Joins the election once the daemon runs; commands received here go to the leader. */
    public void start(ControlLoop controlLoop) throws Exception {
        if (leadership == null) {
            return;
        }
        this.loop = controlLoop;
        this.takeover = new LeaderTakeover(settings.replica(), clock, shared, writer, metrics, dns, fence, outbox,
                controlLoop, this::mirrorLeader);
        writer.start(controlLoop, outbox);
        shared.start();
        // Only the leader changes the data plane; a follower's health endpoint answers as the leader decided.
        plane = loop.dataPlane();
        loop.useDataPlane(gate.dataPlane(plane, () -> shared.cached().fallback()));
        // Every command goes through the shared queue, the leader's own too: accepted means queued
        // where any next leader finds it, until the snapshot holding its effect is written.
        loop.handCommandsOn(c -> {
            writer.submit(c);
            return true;
        });
        loop.onTick((step, nanos) -> afterTick(step.next()));
        leadership.start(this);
    }

    @Override
    public void takeOver(long epoch) throws Exception {
        takeover.takeOver(epoch);
    }

    /** On the loop thread: a follower mirrors the leader's data plane, the leader writes what the tick changed. */
    private void afterTick(EngineState state) {
        writer.handOverOwed();
        if (!leadership.acting()) {
            mirrorLeader(shared.cached());
            return;
        }
        writer.afterTick(state);
    }

    /**
     * This replica's health endpoint answers as the leader's data plane does: Route 53's checkers
     * poll every replica, and a follower answering 200 would bring a held-out location back. Cut off
     * from ZooKeeper, the last snapshot seen stands.
     */
    private void mirrorLeader(HaSnapshot seen) {
        if (plane instanceof HealthEndpointDataPlane endpoint && seen.epoch() > 0) {
            endpoint.evacuate(seen.fallback());
        }
    }

    @Override
    public void stepDown(String why) {
        writer.forget();
        log.warn("replica {} follows: {}", settings.replica(), why);
    }

    @Override
    public void coordinationLost(String why) {
        pager.alert(new Action.Alert(AlertKind.FAIL_STATIC, why, null));
    }

    @Override
    public void takeOverFailing(String why) {
        pager.alert(new Action.Alert(AlertKind.FAIL_STATIC, why, null));
    }

    /** Who leads, since when, at which epoch, as this replica sees it (null with provider none). */
    public Map<String, Object> status() {
        return leadership == null ? null : ReplicationMetrics.status(leadership, current());
    }

    /**
     * The shared snapshot names its writer; it is the leader only while its epoch is the last one
     * ZooKeeper issued: an elected replica whose takeover fails has been issued a newer one, and the
     * snapshot's writer no longer leads. Cut off from ZooKeeper, this replica cannot know who leads.
     */
    private HaSnapshot current() {
        HaSnapshot seen = shared.cached();
        boolean current = leadership.connection().equals("CONNECTED") && seen.epoch() > 0
                && seen.epoch() == leadership.issuedEpoch();
        return current ? seen : HaSnapshot.EMPTY;
    }

    /** Binds the HA metrics and the HA part of /v1/status (nothing with provider none). */
    public static void mount(io.vertx.ext.web.Router router, ControlLoop loop,
                             io.micrometer.core.instrument.MeterRegistry registry, Replication replication) {
        ReplicationMetrics.mount(router, loop, registry, replication);
    }

    boolean acting() {
        return leadership != null && leadership.acting();
    }

    long epoch() {
        return shared == null ? 0 : current().epoch();
    }

    long suppressed() {
        return gate == null ? 0 : gate.suppressed();
    }

    String replica() {
        return settings.replica();
    }

    /** Leaves the election first, so another replica takes over at once rather than after a session. */
    @Override
    public void close() {
        if (leadership == null) {
            return;
        }
        leadership.close();
        writer.close();
        shared.close();
        client.close();
    }
}
