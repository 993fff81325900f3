package houston.ha;

import java.time.Duration;

/**
 * When a replica cut off from the coordination engine pages: once per outage, a session length
 * after the outage began. A replica counts as cut off from the moment it starts until it first
 * connects: Curator reports no state change at all to a client that never connected (SUSPENDED
 * and LOST follow a connection), so a replica started while the ensemble has no quorum would
 * otherwise never page. Times are {@link System#nanoTime()} values, passed in so tests drive them.
 */
final class CutOffAlarm {

    private final long afterNanos;
    /** When the current outage began; null while connected. */
    private Long since;
    private boolean paged;

    /** @param startedNanos when the replica started: cut off until its first connection */
    CutOffAlarm(Duration after, long startedNanos) {
        this.afterNanos = after.toNanos();
        this.since = startedNanos;
    }

    synchronized void connected() {
        since = null;
        paged = false;
    }

    /** SUSPENDED or LOST: an outage begins, unless one is already running. */
    synchronized void disconnected(long nowNanos) {
        if (since == null) {
            since = nowNanos;
        }
    }

    /** True exactly once per outage, the first time it is asked a session or more after it began. */
    synchronized boolean due(long nowNanos) {
        if (since == null || paged || nowNanos - since < afterNanos) {
            return false;
        }
        paged = true;
        return true;
    }
}
