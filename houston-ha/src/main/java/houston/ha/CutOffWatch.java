package houston.ha;

import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pages once when this replica has been cut off from ZooKeeper for a session's length: by then its
 * session is gone, or will be by the time anyone could act. Without quorum no server confirms an
 * expiry, so the replica's own clock ({@link CutOffAlarm}) decides when the outage is worth a page.
 * It checks on a thread of its own: a takeover can block in ZooKeeper and DNS calls for as long as
 * their retries last, and the page must not wait behind it.
 */
final class CutOffWatch {

    // Logged as the leadership it belongs to: operators and the failover tests filter the log by that name.
    private static final Logger log = LoggerFactory.getLogger(CuratorLeadership.class);

    private final CuratorFramework client;
    private final String replica;
    private final Duration sessionTimeout;
    private final ScheduledExecutorService thread;
    private final CutOffAlarm alarm;

    CutOffWatch(CuratorFramework client, String replica, Duration sessionTimeout, ScheduledExecutorService thread) {
        this.client = client;
        this.replica = replica;
        this.sessionTimeout = sessionTimeout;
        this.thread = thread;
        this.alarm = new CutOffAlarm(sessionTimeout, System.nanoTime());
    }

    /** Starts checking, a tenth of a session apart: the page comes at most that late. */
    void start(Leadership.Role role) {
        long every = Math.max(50, sessionTimeout.toMillis() / 10);
        thread.scheduleWithFixedDelay(() -> reportIfCutOff(role), every, every, TimeUnit.MILLISECONDS);
    }

    void connected() {
        alarm.connected();
    }

    /** SUSPENDED or LOST: the outage is timed from now, unless one is already running. */
    void disconnected() {
        alarm.disconnected(System.nanoTime());
    }

    private void reportIfCutOff(Leadership.Role role) {
        if (client.getZookeeperClient().isConnected()) {
            alarm.connected();
            return;
        }
        if (!alarm.due(System.nanoTime())) {
            return;
        }
        try {
            String servers = EnsembleProbe.describe(client.getZookeeperClient().getCurrentConnectionString(),
                    Duration.ofSeconds(1));
            String why = "replica " + replica + " has been cut off from ZooKeeper for " + sessionTimeout.toSeconds()
                    + "s (" + servers + "): if the ensemble lost quorum nobody leads; nobody acts until it is back (fail static)";
            log.warn(why);
            role.coordinationLost(why);
        } catch (RuntimeException e) {
            // A throwing task would end the fixed-delay schedule, and with it every later page.
            log.error("replica {} could not page that it is cut off from ZooKeeper: {}", replica, e.toString());
        }
    }
}
