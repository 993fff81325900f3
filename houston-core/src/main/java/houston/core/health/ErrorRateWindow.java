package houston.core.health;

/**
 * What one vantage saw of one location over a long window (minutes, not the seconds of a
 * {@link ProbeWindow}), kept as counts per time bucket so memory is bounded whatever the probe rate.
 * Each outcome is counted in total and, for each {@link Kind} it is, in that kind's count.
 *
 * <p>A grey failure — one request in ten failing — rarely fails enough probes of a short window at
 * once to move a score, but over two minutes its rate is unambiguous. A location blackholed for a
 * second or two, then up as long, over and over, is the same: its short window averages to a score
 * near the down threshold, its long window shows half its probes failing in many separate runs.
 * Immutable; {@link #plus} returns a new window.
 */
final class ErrorRateWindow {

    /** What an outcome can count as besides one more outcome. */
    enum Kind {
        /** The location answered badly (see {@link #isError}): the grey failure's evidence. */
        ERROR,
        /** Any failure, a timeout included: a flap's evidence, with {@link #ONSET}. */
        FAILURE,
        /** A failure right after a good answer: one more separate run of failures. */
        ONSET
    }

    static final ErrorRateWindow EMPTY = new ErrorRateWindow(new long[0], new int[Kind.values().length][0], new int[0]);

    /** Buckets per window: the window slides in steps of 1/BUCKETS of its length. */
    static final int BUCKETS = 24;

    private final long[] bucket;
    private final int[][] counts;
    private final int[] total;

    private ErrorRateWindow(long[] bucket, int[][] counts, int[] total) {
        this.bucket = bucket;
        this.counts = counts;
        this.total = total;
    }

    /**
     * An answer that proves the location served badly: an HTTP error or the wrong page. Transport
     * failures (timeouts, refused or reset connections, TLS) scattered at random are as often the
     * probe's own path as the location, so they never make a location grey; sustained, they are an
     * outage, which the short window judges, or a flap, judged on {@link Kind#FAILURE} and {@link Kind#ONSET}.
     */
    static boolean isError(Outcome outcome) {
        return outcome == Outcome.HTTP_ERROR || outcome == Outcome.CONTENT_MISMATCH;
    }

    /**
     * This window plus one outcome at {@code atMs} that is each kind in {@code kinds} (indexed by
     * {@link Kind#ordinal}), dropping buckets that left a window of {@code windowMs}.
     */
    ErrorRateWindow plus(long atMs, boolean[] kinds, long nowMs, long windowMs) {
        long width = Math.max(1, windowMs / BUCKETS);
        long oldest = (nowMs - windowMs) / width;
        long b = Math.max(atMs / width, oldest + 1);
        int keep = 0;
        for (long kept : bucket) {
            if (kept > oldest) {
                keep++;
            }
        }
        boolean sameLast = keep > 0 && bucket[bucket.length - 1] == b;
        int size = sameLast ? keep : keep + 1;
        long[] nb = new long[size];
        int[][] nc = new int[counts.length][size];
        int[] nt = new int[size];
        int from = bucket.length - keep;
        System.arraycopy(bucket, from, nb, 0, keep);
        System.arraycopy(total, from, nt, 0, keep);
        for (int k = 0; k < counts.length; k++) {
            System.arraycopy(counts[k], from, nc[k], 0, keep);
            nc[k][size - 1] += kinds[k] ? 1 : 0;
        }
        if (!sameLast) {
            // Observations arrive in time order per pair; a late one is folded into the newest bucket.
            nb[size - 1] = Math.max(b, keep > 0 ? bucket[bucket.length - 1] : b);
        }
        nt[size - 1]++;
        return new ErrorRateWindow(nb, nc, nt);
    }

    /**
     * Failures (timeouts included) surely above this share of the window are a flap: half the probes of a
     * location flapping every second or three fail, one in six or seven of a path losing 15% at its worst
     * (a lower bound of 30% needs seven standard deviations of bad luck).
     */
    static final double FLAP_FAILURE_SHARE = 0.3;
    /** ... in at least this many separate runs: one outage that has ended is one run, not a flap. */
    static final int FLAP_MIN_ONSETS = 6;

    /** Whether the buckets younger than {@code windowMs} show a flap (see {@link #FLAP_FAILURE_SHARE}). */
    boolean flaps(long nowMs, long windowMs, double z, int minSamples) {
        return count(Kind.ONSET, nowMs, windowMs) >= FLAP_MIN_ONSETS
                && lowerBound(Kind.FAILURE, nowMs, windowMs, z, minSamples) > FLAP_FAILURE_SHARE;
    }

    /** How many outcomes of {@code kind} the buckets younger than {@code windowMs} hold. */
    int count(Kind kind, long nowMs, long windowMs) {
        return sum(counts[kind.ordinal()], nowMs, windowMs);
    }

    /**
     * The lower end of the Wilson score interval (one-sided, {@code z}) of the rate of {@code kind}
     * over the buckets younger than {@code windowMs}: the rate the outcomes surely exceed, not merely
     * the rate they happen to show, so three errors in thirty probes say less than thirty in three hundred.
     * 0 when the window holds fewer than {@code minSamples} outcomes: a daemon that just started,
     * or a pair just added, is not judged on its first error.
     */
    double lowerBound(Kind kind, long nowMs, long windowMs, double z, int minSamples) {
        int e = count(kind, nowMs, windowMs);
        int n = sum(total, nowMs, windowMs);
        if (n == 0 || n < minSamples) {
            return 0;
        }
        double p = (double) e / n;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.max(0, (centre - spread) / (1 + z2 / n));
    }

    private int sum(int[] values, long nowMs, long windowMs) {
        long width = Math.max(1, windowMs / BUCKETS);
        long oldest = (nowMs - windowMs) / width;
        int s = 0;
        for (int i = 0; i < bucket.length; i++) {
            if (bucket[i] > oldest) {
                s += values[i];
            }
        }
        return s;
    }
}
