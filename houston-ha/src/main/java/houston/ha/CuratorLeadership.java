package houston.ha;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.utils.ZKPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Leadership through Curator's {@link LeaderLatch}. The epoch is issued once per election node by
 * a {@link ZooKeeperEpoch} counter beside the election: it only grows, whatever happens to the
 * sessions and the election's znodes. A fence that already holds a newer epoch (one issued before
 * the counter existed) is read back from the refusal and the next epoch goes above it.
 *
 * <p>Acting stops on the Curator event thread the moment the connection is SUSPENDED or LOST, or
 * the latch says leadership is gone: before the session can expire and another replica be
 * elected. A takeover (fence, resume) runs on this class's own thread; acting starts only after it
 * succeeded and only if leadership is still held then.
 *
 * <p>Whether to page for a lost ensemble is decided on a second thread of its own: a takeover can
 * block in ZooKeeper and DNS calls for as long as their retries last, and the page must not wait
 * behind it.
 */
public final class CuratorLeadership implements Leadership, LeaderLatchListener, ConnectionStateListener {

    private static final Logger log = LoggerFactory.getLogger(CuratorLeadership.class);

    private final CuratorFramework client;
    private final String replica;
    private final LeaderLatch latch;
    private final ScheduledExecutorService thread;
    private final java.time.Duration sessionTimeout;
    private final ScheduledExecutorService watch;
    private final CutOffAlarm alarm;
    private final ZooKeeperEpoch epochs;
    private final TakeoverFailures failures = new TakeoverFailures();
    /** The takeover thread's own: the epoch issued for which election node, and the fence's epoch once refused. */
    private String issuedFor;
    private long issued;
    private long floor;
    private boolean staleRetried;
    private volatile Role role;
    private volatile boolean acting;
    private volatile long epoch;
    private volatile String connection = "CONNECTING";

    /**
     * @param path           the election's znode, e.g. {@code /houston/leader}; {@code client} is started by its owner
     * @param sessionTimeout the client's session timeout: cut off this long, the replica reports the
     *                       coordination lost (its session is gone, or will be by the time anyone could act)
     */
    public CuratorLeadership(CuratorFramework client, String path, String replica, java.time.Duration sessionTimeout) {
        this.client = client;
        this.sessionTimeout = sessionTimeout;
        this.replica = replica;
        this.latch = new LeaderLatch(client, path, replica);
        this.thread = daemonThread("houston-ha");
        this.watch = daemonThread("houston-ha-watch");
        this.alarm = new CutOffAlarm(sessionTimeout, System.nanoTime());
        this.epochs = new ZooKeeperEpoch(client, ZKPaths.makePath(ZKPaths.getPathAndNode(path).getPath(), "epoch"));
    }

    private static ScheduledExecutorService daemonThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start(Role newRole) throws Exception {
        this.role = newRole;
        client.getConnectionStateListenable().addListener(this);
        latch.addListener(this);
        epochs.start();
        latch.start();
        // The client is started by its owner and may have connected before this listener existed:
        // Curator does not replay that CONNECTED.
        if (client.getZookeeperClient().isConnected()) {
            connection = ConnectionState.CONNECTED.name();
            alarm.connected();
        }
        // A tenth of a session: the page comes at most that late.
        long every = Math.max(50, sessionTimeout.toMillis() / 10);
        watch.scheduleWithFixedDelay(this::reportIfCutOff, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void isLeader() {
        thread.execute(this::takeOver);
    }

    private void takeOver() {
        if (!latch.hasLeadership() || acting) {
            return;
        }
        String ours = latch.getOurPath();
        try {
            if (!ours.equals(issuedFor)) {
                // At least the election's own number: epochs issued before the counter existed were that.
                issued = epochs.next(Math.max(floor, electionNumber(ours)));
                issuedFor = ours;
            }
            role.takeOver(issued);
        } catch (StaleEpochException e) {
            floor = Math.max(floor, e.liveEpoch());
            issuedFor = null;
            if (!staleRetried) {
                staleRetried = true;
                thread.execute(this::takeOver);
            } else {
                failed(e.getMessage());
            }
            return;
        } catch (Exception e) {
            if (!thread.isShutdown()) {
                // Interrupted by close(): a replica leaving has nothing left to retry or report.
                failed(e.toString());
            }
            return;
        }
        staleRetried = false;
        failures.reset();
        if (latch.hasLeadership() && client.getZookeeperClient().isConnected()) {
            epoch = issued;
            acting = true;
            log.info("replica {} leads at epoch {}", replica, issued);
        }
    }

    private static long electionNumber(String ours) {
        String suffix = ours == null ? "" : ZKPaths.extractSequentialSuffix(ours);
        return suffix.isEmpty() ? 0 : Long.parseLong(suffix);
    }

    private void failed(String why) {
        TakeoverFailures.Next next = failures.failed(why, System.nanoTime());
        if (next.log()) {
            log.warn("replica {} is elected but cannot take over ({} attempt(s), nobody acts): {}; trying again in {} ms",
                    replica, next.failures(), why, next.delayMillis());
        }
        if (next.page()) {
            try {
                role.takeOverFailing("replica " + replica + " is elected leader but cannot take over, so nobody acts: "
                        + why + " (it keeps trying)");
            } catch (RuntimeException e) {
                log.error("replica {} could not page that its takeover fails: {}", replica, e.toString());
            }
        }
        thread.schedule(this::takeOver, next.delayMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void notLeader() {
        // The latch says only that its node is gone or its session in doubt: who leads next, if anyone, it does not know.
        stop("it no longer holds leadership");
    }

    @Override
    public void stateChanged(CuratorFramework c, ConnectionState state) {
        // RECONNECTED is a healthy session again: reported as CONNECTED, which is what scripts wait for.
        connection = state.isConnected() ? ConnectionState.CONNECTED.name() : state.name();
        // The one line per change: ZooKeeper's and Curator's own loggers are off in the daemon's logging config.
        if (state == ConnectionState.CONNECTED) {
            log.info("replica {}: ZooKeeper connection {}", replica, state);
        } else {
            log.warn("replica {}: ZooKeeper connection {}", replica, state);
        }
        if (state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) {
            stop("coordination connection " + state);
            // Without quorum no server confirms an expiry: the replica's own clock decides when the
            // outage is worth a page.
            alarm.disconnected(System.nanoTime());
        } else if (state.isConnected()) {
            alarm.connected();
            // A leader whose connection came back without losing its session leads on; its fence still holds.
            thread.execute(this::takeOver);
        }
    }

    private void reportIfCutOff() {
        if (client.getZookeeperClient().isConnected()) {
            alarm.connected();
            return;
        }
        if (!alarm.due(System.nanoTime())) {
            return;
        }
        try {
            String servers = EnsembleProbe.describe(client.getZookeeperClient().getCurrentConnectionString(),
                    java.time.Duration.ofSeconds(1));
            String why = "replica " + replica + " has been cut off from ZooKeeper for " + sessionTimeout.toSeconds()
                    + "s (" + servers + "): if the ensemble lost quorum nobody leads; nobody acts until it is back (fail static)";
            log.warn(why);
            role.coordinationLost(why);
        } catch (RuntimeException e) {
            // A throwing task would end the fixed-delay schedule, and with it every later page.
            log.error("replica {} could not page that it is cut off from ZooKeeper: {}", replica, e.toString());
        }
    }

    private void stop(String why) {
        failures.reset();
        boolean was = acting;
        acting = false;
        epoch = 0;
        if (was) {
            log.warn("replica {} stops acting: {}", replica, why);
            role.stepDown(why);
        }
    }

    /** This replica's latch node: writes to shared state are fenced on its existence. */
    public String fencePath() {
        return latch.getOurPath();
    }

    /** Why this elected replica's takeover keeps failing; null when it is not failing. */
    public String takeoverProblem() {
        return failures.problem();
    }

    /** The last epoch ZooKeeper issued to any replica, as this one last saw it. */
    public long issuedEpoch() {
        return epochs.issued();
    }

    @Override
    public boolean acting() {
        return acting;
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public String replica() {
        return replica;
    }

    @Override
    public String connection() {
        return connection;
    }

    @Override
    public void close() {
        acting = false;
        thread.shutdownNow();
        watch.shutdownNow();
        epochs.close();
        try {
            if (latch.getState() == LeaderLatch.State.STARTED) {
                latch.close();
            }
        } catch (IOException e) {
            log.warn("leaving the election: {}", e.toString());
        }
    }
}
