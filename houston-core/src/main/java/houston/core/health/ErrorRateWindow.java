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
 * Immutable; {@link #plus} returns a new window. The newest bucket is held apart from the older
 * ones, which successive windows share: most outcomes land in the newest bucket, so adding one
 * copies four counts, not the whole window (copying it was a third of a simulated day's time).
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

    /** Per bucket, its outcomes, then how many were of each {@link Kind}. */
    private static final int STRIDE = 1 + Kind.values().length;
    private static final int TOTAL = 0;

    static final ErrorRateWindow EMPTY = new ErrorRateWindow(new long[0], new int[0], -1, new int[STRIDE]);

    /** Buckets per window: the window slides in steps of 1/BUCKETS of its length. */
    static final int BUCKETS = 24;

    /** The older buckets, shared between windows: {@code cells[i * STRIDE + c]} is bucket i's column c. */
    private final long[] bucket;
    private final int[] cells;
    /** The newest bucket (-1: none yet) and its columns. */
    private final long lastBucket;
    private final int[] last;

    private ErrorRateWindow(long[] bucket, int[] cells, long lastBucket, int[] last) {
        this.bucket = bucket;
        this.cells = cells;
        this.lastBucket = lastBucket;
        this.last = last;
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
        if (lastBucket > oldest && b <= lastBucket) {
            // Observations arrive in time order per pair; a late one is folded into the newest bucket.
            return new ErrorRateWindow(bucket, cells, lastBucket, counted(last, kinds));
        }
        int keep = 0;
        for (long kept : bucket) {
            keep += kept > oldest ? 1 : 0;
        }
        boolean lastKept = lastBucket > oldest;
        int size = keep + (lastKept ? 1 : 0);
        long[] nb = new long[size];
        int[] nc = new int[size * STRIDE];
        int from = bucket.length - keep;
        System.arraycopy(bucket, from, nb, 0, keep);
        System.arraycopy(cells, from * STRIDE, nc, 0, keep * STRIDE);
        if (lastKept) {
            nb[keep] = lastBucket;
            System.arraycopy(last, 0, nc, keep * STRIDE, STRIDE);
        }
        return new ErrorRateWindow(nb, nc, b, counted(new int[STRIDE], kinds));
    }

    /** {@code columns} (a copy) with one more outcome, of each kind in {@code kinds}. */
    private static int[] counted(int[] columns, boolean[] kinds) {
        int[] c = columns.clone();
        c[TOTAL]++;
        for (int k = 0; k < kinds.length; k++) {
            c[1 + k] += kinds[k] ? 1 : 0;
        }
        return c;
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
        return sum(1 + kind.ordinal(), nowMs, windowMs);
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
        int n = sum(TOTAL, nowMs, windowMs);
        if (n == 0 || n < minSamples) {
            return 0;
        }
        double p = (double) e / n;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.max(0, (centre - spread) / (1 + z2 / n));
    }

    /**
     * Whether the failures have stopped: the outcomes since the last failure (of any kind, whole buckets
     * counted from the newest back) form a clean run that the window's own failure rate would give less
     * than once in {@code 1 / chance}. At 40% failing, 14 clean probes in a row say so; at 10%, 66; at 2%, a
     * window's worth is not enough. Without it, a grey verdict outlived a brownout by the whole window.
     */
    boolean stopped(long nowMs, long windowMs, double chance) {
        long width = Math.max(1, windowMs / BUCKETS);
        long oldest = (nowMs - windowMs) / width;
        int failureColumn = 1 + Kind.FAILURE.ordinal();
        int clean = 0;
        if (lastBucket > oldest) {
            if (last[failureColumn] > 0) {
                return false;
            }
            clean += last[TOTAL];
        }
        for (int i = bucket.length - 1; i >= 0 && bucket[i] > oldest; i--) {
            if (cells[i * STRIDE + failureColumn] > 0) {
                break;
            }
            clean += cells[i * STRIDE + TOTAL];
        }
        int n = sum(TOTAL, nowMs, windowMs);
        double failing = n == 0 ? 0 : (double) count(Kind.FAILURE, nowMs, windowMs) / n;
        return failing > 0 && clean > 0 && Math.pow(1 - failing, clean) < chance;
    }

    private int sum(int column, long nowMs, long windowMs) {
        long width = Math.max(1, windowMs / BUCKETS);
        long oldest = (nowMs - windowMs) / width;
        int s = lastBucket > oldest ? last[column] : 0;
        for (int i = 0; i < bucket.length; i++) {
            if (bucket[i] > oldest) {
                s += cells[i * STRIDE + column];
            }
        }
        return s;
    }
}
