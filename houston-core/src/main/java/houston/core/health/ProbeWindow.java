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
        // Counted first, so only the kept entries are allocated (this runs for every pair on every tick).
        int recent = 0;
        for (long t : at) {
            recent += t > windowStart ? 1 : 0;
        }
        for (int i = 0; i < n; i++) {
            recent += newAt[i] > windowStart ? 1 : 0;
        }
        int skip = Math.max(0, recent - maxSamples);
        int kept = recent - skip;
        long[] keptAt = new long[kept];
        float[] keptBad = new float[kept];
        int seen = 0;
        int size = 0;
        for (int i = 0; i < at.length; i++) {
            if (at[i] > windowStart && seen++ >= skip) {
                keptAt[size] = at[i];
                keptBad[size++] = badness[i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (newAt[i] > windowStart && seen++ >= skip) {
                keptAt[size] = newAt[i];
                keptBad[size++] = newBadness[i];
            }
        }
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
