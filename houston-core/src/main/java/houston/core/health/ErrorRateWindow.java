package houston.core.health;

/**
 * The errors a location answered one vantage with over a long window (minutes, not the seconds
 * of a {@link ProbeWindow}), kept as counts per time bucket so memory is bounded whatever the
 * probe rate. A grey failure — one request in ten failing — rarely fails enough probes of a short
 * window at once to move a score, but over two minutes its rate is unambiguous.
 *
 * <p>Only what the location itself says counts as an error: refused connects, HTTP and TLS errors,
 * wrong answers. A timeout does not: a lost probe looks exactly like one, and a blackhole is the
 * short window's job. Immutable; {@link #plus} returns a new window.
 */
final class ErrorRateWindow {

    static final ErrorRateWindow EMPTY = new ErrorRateWindow(new long[0], new int[0], new int[0]);

    /** Buckets per window: the window slides in steps of 1/BUCKETS of its length. */
    static final int BUCKETS = 24;

    private final long[] bucket;
    private final int[] errors;
    private final int[] total;

    private ErrorRateWindow(long[] bucket, int[] errors, int[] total) {
        this.bucket = bucket;
        this.errors = errors;
        this.total = total;
    }

    /**
     * An answer that proves the location served badly: an HTTP error or the wrong page. Transport
     * failures (timeouts, refused or reset connections, TLS) scattered at random are as often the
     * probe's own path as the location, so they never make a location grey; sustained, they are an
     * outage, which the short window judges.
     */
    static boolean isError(Outcome outcome) {
        return outcome == Outcome.HTTP_ERROR || outcome == Outcome.CONTENT_MISMATCH;
    }

    /** This window plus one outcome at {@code atMs}, dropping buckets that left a window of {@code windowMs}. */
    ErrorRateWindow plus(long atMs, boolean error, long nowMs, long windowMs) {
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
        int[] ne = new int[size];
        int[] nt = new int[size];
        int i = 0;
        for (int j = bucket.length - keep; j < bucket.length; j++, i++) {
            nb[i] = bucket[j];
            ne[i] = errors[j];
            nt[i] = total[j];
        }
        if (!sameLast) {
            // Observations arrive in time order per pair; a late one is folded into the newest bucket.
            nb[size - 1] = Math.max(b, keep > 0 ? bucket[bucket.length - 1] : b);
        }
        ne[size - 1] += error ? 1 : 0;
        nt[size - 1]++;
        return new ErrorRateWindow(nb, ne, nt);
    }

    /**
     * The lower end of the Wilson score interval (one-sided, {@code z}) of the error rate over the
     * buckets younger than {@code windowMs}: the rate the errors surely exceed, not merely the
     * rate they happen to show, so three errors in thirty probes say less than thirty in three hundred.
     * 0 when the window holds fewer than {@code minSamples} outcomes: a daemon that just started,
     * or a pair just added, is not judged on its first error.
     */
    double lowerBound(long nowMs, long windowMs, double z, int minSamples) {
        long width = Math.max(1, windowMs / BUCKETS);
        long oldest = (nowMs - windowMs) / width;
        int e = 0;
        int n = 0;
        for (int i = 0; i < bucket.length; i++) {
            if (bucket[i] > oldest) {
                e += errors[i];
                n += total[i];
            }
        }
        if (n == 0 || n < minSamples) {
            return 0;
        }
        double p = (double) e / n;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.max(0, (centre - spread) / (1 + z2 / n));
    }
}
