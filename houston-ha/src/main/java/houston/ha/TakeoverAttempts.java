package houston.ha;

import org.apache.curator.utils.ZKPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * An elected replica's takeover, tried on the leadership's own thread until it succeeds: issue the
 * epoch for this election node, hand it to the {@link Leadership.Role}, and report success. The
 * epoch is issued once per election node by a {@link ZooKeeperEpoch} counter beside the election:
 * it only grows, whatever happens to the sessions and the election's znodes. A fence that already
 * holds a newer epoch (one issued before the counter existed) is read back from the refusal and the
 * next epoch goes above it. Every field but the failures is touched on that thread only.
 */
final class TakeoverAttempts {

    // Logged as the leadership it belongs to: operators and the failover tests filter the log by that name.
    private static final Logger log = LoggerFactory.getLogger(CuratorLeadership.class);

    private final ScheduledExecutorService thread;
    private final ZooKeeperEpoch epochs;
    private final String replica;
    private final Supplier<String> electionNode;
    private final BooleanSupplier wanted;
    private final LongConsumer succeeded;
    private final TakeoverFailures failures = new TakeoverFailures();
    private volatile Leadership.Role role;
    /** The epoch issued for which election node, and the fence's epoch once refused. */
    private String issuedFor;
    private long issued;
    private long floor;
    private boolean staleRetried;

    /**
     * @param wanted    whether a takeover is still to be done (elected, and not acting yet)
     * @param succeeded told the epoch once the role took over at it
     */
    TakeoverAttempts(ScheduledExecutorService thread, ZooKeeperEpoch epochs, String replica,
                     Supplier<String> electionNode, BooleanSupplier wanted, LongConsumer succeeded) {
        this.thread = thread;
        this.epochs = epochs;
        this.replica = replica;
        this.electionNode = electionNode;
        this.wanted = wanted;
        this.succeeded = succeeded;
    }

    void start(Leadership.Role newRole) {
        this.role = newRole;
    }

    /** Tries a takeover on the leadership's thread (nothing if none is wanted by then). */
    void request() {
        thread.execute(this::takeOver);
    }

    /** A new streak: the replica stopped leading, or leads now. */
    void reset() {
        failures.reset();
    }

    /** Why the takeover keeps failing; null when it is not failing. */
    String problem() {
        return failures.problem();
    }

    private void takeOver() {
        if (!wanted.getAsBoolean()) {
            return;
        }
        String ours = electionNode.get();
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
        succeeded.accept(issued);
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
}
