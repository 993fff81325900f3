package houston.core.engine;

import houston.core.plan.NearestCapacityPlanner;
import houston.core.plan.ReceiverShare;

/**
 * What receivers keep for a location that failed back recently. Such a location is the likeliest to
 * fail next ({@link FlapDamping} counts a new evacuation soon after a fail-back as a relapse); scaled
 * down to their own size just before it relapses, its receivers take a scale-up lead time to grow
 * again while its users wait on far locations with ready room, or fail. So for
 * {@code planner.scale-down-after-failback} after a fail-back completes (doubled per relapse its flap
 * damping remembers, at most {@value #MAX_DOUBLINGS} doublings), each receiver keeps the instances the
 * location's evacuation would ask of it now: its whole current demand placed as an evacuation would
 * place it, on the loads and instances of this step. Several recent fail-backs: each receiver keeps
 * the most any one of them needs (two relapsing at once is a double failure, planned as such then).
 * O(locations) per recently restored location; nothing when none is.
 */
final class RelapseHeadroom {

    /** At most ×4 the configured hold: a location that keeps relapsing is held out by flap damping anyway. */
    static final int MAX_DOUBLINGS = 2;

    private final NearestCapacityPlanner planner;

    RelapseHeadroom(NearestCapacityPlanner planner) {
        this.planner = planner;
    }

    /** How long after its fail-back completed {@code t}'s receivers keep its headroom. */
    static long holdMillis(StepContext ctx, LocationTrack t) {
        return ctx.config.planner().scaleDownAfterFailback().toMillis() << Math.min(t.relapses(), MAX_DOUBLINGS);
    }

    /**
     * True while {@code t} failed back recently enough for its receivers to keep its headroom. Suspect again
     * counts: the relapse is on its way, and a scale-down landing in its down-hold is the worst timing. Once
     * it is evacuated again its receivers carry it, which holds them anyway.
     */
    static boolean holding(StepContext ctx, LocationTrack t) {
        return !t.state().isEvacuation() && t.restoredAt() > 0 && ctx.now - t.restoredAt() < holdMillis(ctx, t);
    }

    /**
     * Per location, the instances a recently restored location's evacuation would need there now, or 0;
     * {@code restoredFor[r]} is set to the location it is kept for, or -1.
     */
    int[] kept(StepContext ctx, int[] restoredFor) {
        int[] kept = new int[ctx.topology.size()];
        java.util.Arrays.fill(restoredFor, -1);
        double[] loads = null;
        for (int e = 0; e < ctx.tracks.length; e++) {
            if (!holding(ctx, ctx.tracks[e])) {
                continue;
            }
            loads = loads != null ? loads : ReceiverPool.plannedLoads(ctx);
            boolean[] eligible = ReceiverPool.eligible(ctx, e);
            for (ReceiverShare s : planner.place(e, ctx.demand[e], loads, eligible, ctx.instances).receivers()) {
                int r = ctx.topology.indexOf(s.location());
                // What its load would need, not the share's instancesNeeded: that never asks a receiver to shrink.
                int needed = ctx.topology.location(r).capacity().instancesFor(s.loadAfterRps());
                if (needed > kept[r]) {
                    kept[r] = needed;
                    restoredFor[r] = e;
                }
            }
        }
        return kept;
    }
}
