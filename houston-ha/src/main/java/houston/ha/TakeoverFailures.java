package houston.ha;

import java.time.Duration;

/**
 * What an elected replica does about a takeover that keeps failing (the fence refused, DNS or
 * ZooKeeper unreachable): it keeps trying, backing off from half a second to {@link #MAX_DELAY};
 * it pages once per failing streak, and logs at most once a minute, so an hour of failures is a
 * page and sixty lines rather than seven thousand. Times are {@link System#nanoTime()} values,
 * passed in so tests drive them.
 */
final class TakeoverFailures {

    static final Duration FIRST_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(10);
    static final Duration LOG_EVERY = Duration.ofMinutes(1);

    /** What to do after one more failure. */
    record Next(long delayMillis, boolean page, boolean log, int failures) {
    }

    private int failures;
    private long loggedNanos;
    private volatile String problem;

    synchronized Next failed(String why, long nowNanos) {
        failures++;
        problem = why;
        boolean first = failures == 1;
        boolean log = first || nowNanos - loggedNanos >= LOG_EVERY.toNanos();
        if (log) {
            loggedNanos = nowNanos;
        }
        long delay = Math.min(MAX_DELAY.toMillis(), FIRST_DELAY.toMillis() << Math.min(failures - 1, 10));
        return new Next(delay, first, log, failures);
    }

    /** The takeover succeeded or leadership is gone: the streak ends. */
    synchronized void reset() {
        failures = 0;
        problem = null;
    }

    /** Why the current streak's last attempt failed; null when none is failing. */
    String problem() {
        return problem;
    }
}
