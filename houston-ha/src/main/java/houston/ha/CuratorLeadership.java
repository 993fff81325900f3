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

/**
 * Leadership through Curator's {@link LeaderLatch}. Acting stops on the Curator event thread the
 * moment the connection is SUSPENDED or LOST, or the latch says leadership is gone: before the
 * session can expire and another replica be elected. A takeover (epoch, fence, resume) runs on this
 * class's own thread ({@link TakeoverAttempts}); acting starts only after it succeeded and only if
 * leadership is still held then. Whether to page for a lost ensemble is decided on a second thread
 * ({@link CutOffWatch}), which a blocked takeover cannot hold up.
 */
public final class CuratorLeadership implements Leadership, LeaderLatchListener, ConnectionStateListener {

    private static final Logger log = LoggerFactory.getLogger(CuratorLeadership.class);

    private final CuratorFramework client;
    private final String replica;
    private final LeaderLatch latch;
    private final ScheduledExecutorService thread;
    private final ScheduledExecutorService watchThread;
    private final CutOffWatch watch;
    private final ZooKeeperEpoch epochs;
    private final TakeoverAttempts takeover;
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
        this.replica = replica;
        this.latch = new LeaderLatch(client, path, replica);
        this.thread = daemonThread("houston-ha");
        this.watchThread = daemonThread("houston-ha-watch");
        this.watch = new CutOffWatch(client, replica, sessionTimeout, watchThread);
        this.epochs = new ZooKeeperEpoch(client, ZKPaths.makePath(ZKPaths.getPathAndNode(path).getPath(), "epoch"));
        this.takeover = new TakeoverAttempts(thread, epochs, replica, latch::getOurPath,
                () -> latch.hasLeadership() && !acting, this::tookOver);
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
        takeover.start(newRole);
        client.getConnectionStateListenable().addListener(this);
        latch.addListener(this);
        epochs.start();
        latch.start();
        // The client is started by its owner and may have connected before this listener existed:
        // Curator does not replay that CONNECTED.
        if (client.getZookeeperClient().isConnected()) {
            connection = ConnectionState.CONNECTED.name();
            watch.connected();
        }
        watch.start(newRole);
    }

    @Override
    public void isLeader() {
        takeover.request();
    }

    /** On the takeover thread, once the role took over at {@code issued}: act, if still leader and connected. */
    private void tookOver(long issued) {
        if (latch.hasLeadership() && client.getZookeeperClient().isConnected()) {
            epoch = issued;
            acting = true;
            log.info("replica {} leads at epoch {}", replica, issued);
        }
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
            watch.disconnected();
        } else if (state.isConnected()) {
            watch.connected();
            // A leader whose connection came back without losing its session leads on; its fence still holds.
            takeover.request();
        }
    }

    private void stop(String why) {
        takeover.reset();
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
        return takeover.problem();
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
        watchThread.shutdownNow();
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
