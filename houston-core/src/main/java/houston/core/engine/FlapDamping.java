package houston.core.engine;

import houston.core.config.HysteresisConfig;

/**
 * Route-flap damping for fail-back. A location that fails again while it fails back, or soon
 * after, has relapsed; each relapse doubles the up-hold its next fail-back waits for, so a
 * location flapping with any period settles evacuated instead of moving its users every cycle.
 * A fixed up-hold cannot: whatever its length, a flap with a longer good half defeats it.
 * Relapses are forgotten when a new evacuation comes long after the last restore.
 */
final class FlapDamping {

    /** A new evacuation this soon after a completed fail-back is the same trouble back. */
    static final long RELAPSE_WINDOW_MS = 30 * 60_000L;
    /** At most this many doublings: 64 × a 60 s up-hold is about an hour. */
    static final int MAX_DOUBLINGS = 6;
    /** Relapses a new evacuation soon after a completed fail-back counts for. */
    static final int AFTER_RESTORE = 2;

    private FlapDamping() {
    }

    /** How long {@code t} must be good before its fail-back starts. */
    static long upHoldMillis(HysteresisConfig h, LocationTrack t) {
        return h.upHold().toMillis() << Math.min(t.relapses(), MAX_DOUBLINGS);
    }

    /** The fail-back of {@code t} was aborted: the location relapsed. */
    static LocationTrack aborted(LocationTrack t) {
        return t.relapsed(t.relapses() + 1);
    }

    /**
     * {@code t} is evacuated automatically at {@code now}: a relapse if it was restored recently, else a fresh start.
     * A relapse after a completed fail-back counts two: the location stayed good through the up-hold and every
     * fail-back step (twice the up-hold with the default steps) and still failed, so a wait of twice the up-hold
     * is already known to be too short. Counting one, the next fail-back would start after just that long and
     * move the catchment out and back once more (two more shifts) before damping held it out.
     * An evacuation cancelled before any traffic moved (good for one up-hold while it waited for its receivers)
     * only showed that one up-hold is too short: it counts one. Counting two, five-second blips two minutes
     * apart had it held out for 16 minutes (four doublings) after the last one, when four minutes outlast them.
     */
    static LocationTrack evacuated(LocationTrack t, long now) {
        if (t.restoredAt() <= 0) {
            return t;
        }
        return t.relapsed(now - t.restoredAt() < RELAPSE_WINDOW_MS ? t.relapses() + (t.cancelled() ? 1 : AFTER_RESTORE) : 0);
    }
}
