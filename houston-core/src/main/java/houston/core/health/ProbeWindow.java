package houston.core.health;

/**
 * The recent outcomes of one (vantage, location) pair: at most {@code maxSamples} entries, none
 * older than the window. Immutable; {@link #plus} returns a new window, so engine states can
 * share untouched windows. Adding a batch is O(existing + batch); scoring is O(samples).
 */
final class ProbeWindow {

    static final ProbeWindow EMPTY = new ProbeWindow(new long[0], new float[0]);

    private final long[] at;
    private final float[] badness;

    private ProbeWindow(long[] at, float[] badness) {
        this.at = at;
        this.badness = badness;
    }

    /**
     * This window plus {@code n} new outcomes, dropping entries at or before {@code windowStart}
     * and, past {@code maxSamples}, the earliest-added ones.
     */
    ProbeWindow plus(long[] newAt, float[] newBadness, int n, long windowStart, int maxSamples) {
        long[] a = new long[at.length + n];
        float[] b = new float[at.length + n];
        int size = 0;
        for (int i = 0; i < at.length; i++) {
            if (at[i] > windowStart) {
                a[size] = at[i];
                b[size++] = badness[i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (newAt[i] > windowStart) {
                a[size] = newAt[i];
                b[size++] = newBadness[i];
            }
        }
        int from = Math.max(0, size - maxSamples);
        long[] keptAt = new long[size - from];
        float[] keptBad = new float[size - from];
        System.arraycopy(a, from, keptAt, 0, keptAt.length);
        System.arraycopy(b, from, keptBad, 0, keptBad.length);
        return new ProbeWindow(keptAt, keptBad);
    }

    /** Badness of the outcome added last, or 0 when the window is empty (nothing bad known). */
    float lastBadness() {
        return badness.length == 0 ? 0f : badness[badness.length - 1];
    }

    /**
     * 1 − mean badness of the outcomes after {@code windowStart} (a window of length w holds
     * exactly w/interval samples), or NaN when fewer than
     * {@code minSamples} are that recent (the vantage abstains rather than guess).
     */
    double score(long windowStart, int minSamples) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < at.length; i++) {
            if (at[i] > windowStart) {
                sum += badness[i];
                count++;
            }
        }
        return count < minSamples || count == 0 ? Double.NaN : 1.0 - sum / count;
    }
}
