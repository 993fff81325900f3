package houston.core.engine;

/**
 * Per location, how many scale-ups failed in a row and when it may be asked again. A scaler that
 * fails (a quota, an API outage) usually fails the next ask too: asked again on every tick that still
 * wanted the room, it was hammered, and on-call paged, about once a second per location for a whole
 * outage. So after a failure the next ask waits 30 s, doubling with each failure in a row up to 5
 * minutes; a scale-up that succeeds, or instances read ready, end the streak. Immutable, like the state
 * that holds it.
 *
 * @param retryAt  per location, the earliest time it is asked to grow again (epoch ms; 0: any time)
 * @param failures per location, the scale-ups that failed since the last one that succeeded
 */
public record ScaleBackoff(long[] retryAt, int[] failures) {

    static final long FIRST_WAIT_MS = 30_000;
    static final long LONGEST_WAIT_MS = 300_000;

    public static ScaleBackoff none(int locations) {
        return new ScaleBackoff(new long[locations], new int[locations]);
    }

    /** Whether location {@code l} may be asked to grow at {@code now}. */
    boolean allows(int l, long now) {
        return now >= retryAt[l];
    }

    /** A scale-up of {@code l} failed at {@code now}: the streak grows and so does the wait. */
    ScaleBackoff failed(int l, long now) {
        long[] at = retryAt.clone();
        int[] count = failures.clone();
        count[l]++;
        at[l] = now + waitMs(count[l]);
        return new ScaleBackoff(at, count);
    }

    /** {@code l} grew (or was read at the size asked for): its next failure is the first of a new streak. */
    ScaleBackoff succeeded(int l) {
        if (failures[l] == 0 && retryAt[l] == 0) {
            return this;
        }
        long[] at = retryAt.clone();
        int[] count = failures.clone();
        at[l] = 0;
        count[l] = 0;
        return new ScaleBackoff(at, count);
    }

    /** The wait after the {@code n}th failure in a row. */
    static long waitMs(int n) {
        return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS << Math.min(n - 1, 10));
    }
}
