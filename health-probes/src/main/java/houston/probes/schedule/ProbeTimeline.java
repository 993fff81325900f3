package houston.probes.schedule;

import java.util.random.RandomGenerator;

/**
 * When each target's next probe is due. Pure: time and randomness are given, so tests can fix
 * both. First probes are spread uniformly over one interval, so a thousand targets do not fire
 * in the same millisecond; each next probe is due one interval plus up to {@code jitter} after
 * the previous due time (not after the previous probe finished, so a slow target keeps its
 * rhythm). A scheduler that fell more than one interval behind skips the missed slots rather
 * than firing them in a burst.
 */
public final class ProbeTimeline {

    private final long intervalMs;
    private final long jitterMs;
    private final RandomGenerator random;

    public ProbeTimeline(long intervalMs, long jitterMs, RandomGenerator random) {
        if (intervalMs <= 0 || jitterMs < 0) {
            throw new IllegalArgumentException("interval " + intervalMs + "ms, jitter " + jitterMs + "ms");
        }
        this.intervalMs = intervalMs;
        this.jitterMs = jitterMs;
        this.random = random;
    }

    /** Due time of a target's first probe, somewhere in the interval starting at {@code now}. */
    public long firstDue(long now) {
        return now + random.nextLong(intervalMs);
    }

    /** Due time of the probe after the one due at {@code previousDue}, given it is {@code now}. */
    public long nextDue(long previousDue, long now) {
        long next = previousDue + intervalMs + (jitterMs == 0 ? 0 : random.nextLong(jitterMs + 1));
        if (next < now - intervalMs) {
            return now + (jitterMs == 0 ? 0 : random.nextLong(jitterMs + 1));
        }
        return next;
    }
}
