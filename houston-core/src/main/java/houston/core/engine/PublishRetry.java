package houston.core.engine;

import java.time.Duration;

/**
 * When to publish again after a failed publish. Most failures are throttling, which clears in
 * seconds, so a flat {@code publish-retry} wait would keep traffic on a dead location for
 * minutes; a control plane that is really down should not be hammered either. So the wait
 * matches how long publishes have been failing (2 s after the first failure, then doubling,
 * since each wait adds to the time failed), capped at {@code publish-retry}. The ±25% jitter
 * keeps a retry from landing on the same throttle window as the one before; it is drawn from the
 * tick's time, an input, so the engine stays reproducible from its journal.
 */
final class PublishRetry {

    static final long FIRST_MS = 2_000;
    private static final double JITTER = 0.25;

    private PublishRetry() {
    }

    /**
     * @param failingForMs how long publishes have failed without a success in between
     * @param cap          {@code houston.safety.publish-retry}
     * @param nowMs        the tick's time, the jitter's source
     * @return milliseconds to wait before publishing again
     */
    static long delayMs(long failingForMs, Duration cap, long nowMs) {
        long base = Math.min(cap.toMillis(), Math.max(FIRST_MS, failingForMs));
        double spread = 1 + JITTER * (2 * unit(nowMs) - 1);
        return Math.max(1, Math.min(cap.toMillis(), Math.round(base * spread)));
    }

    /** A fraction in [0, 1) from {@code seed}: the SplitMix64 finaliser, so nearby seeds spread apart. */
    private static double unit(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
