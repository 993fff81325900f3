package houston.core.engine;

import houston.core.model.CapacityModel;
import houston.core.plan.NearestCapacityPlanner;

import java.util.List;

/**
 * Gives receivers their extra instances back, carefully. A location grown beyond its own size
 * (its configured instances, or what its own current demand needs plus the headroom, whichever is more) is scaled
 * back only when no other catchment's traffic has been on it, and nobody has asked it to
 * pre-scale, for the whole scale-down cool-down — so never while an evacuation, or a fail-back
 * still in its steps, relies on it. Nor below what a location that failed back recently would need of
 * it if it relapsed ({@link RelapseHeadroom}): only the rest goes, and the kept instances follow when
 * that hold ends. Idempotent: one ScaleDown per return to size (two when a hold kept part of it).
 * O(n²) per tick only for grown locations (to check the plan's columns); nothing otherwise.
 */
final class ScaleDownPolicy {

    private final RelapseHeadroom relapses;

    ScaleDownPolicy(NearestCapacityPlanner planner) {
        this.relapses = new RelapseHeadroom(planner);
    }

    void apply(StepContext ctx) {
        long cooldown = ctx.config.planner().scaleDownCooldown().toMillis();
        int[] keptFor = new int[ctx.topology.size()];
        int[] kept = null;
        for (int r = 0; r < ctx.topology.size(); r++) {
            int own = ownSize(ctx, r);
            // Only growth Houston asked for is Houston's to undo: a location read running more than its
            // own size (its platform's autoscaler, a human) that no pre-scale ever relied on is left alone.
            if ((ctx.instances[r] <= own && ctx.requested[r] <= own) || ctx.lastRelied[r] == 0) {
                continue;
            }
            if (ctx.carriesOthers(r) || awaited(ctx, r)) {
                ctx.lastRelied[r] = ctx.now;
                continue;
            }
            if (ctx.now - ctx.lastRelied[r] < cooldown || ctx.requested[r] > ctx.instances[r]) {
                continue;
            }
            kept = kept != null ? kept : relapses.kept(ctx, keptFor);
            int size = Math.max(own, kept[r]);
            if (ctx.instances[r] <= size) {
                continue;
            }
            String reason = "carried no other catchment for " + cooldown / 60_000 + " min: "
                    + (size > own ? keeping(ctx, keptFor[r]) : "back to its own size");
            if (!ctx.dryRun()) {
                ctx.actions.add(new Action.ScaleDown(ctx.id(r), size, reason));
            }
            ctx.notify(r, DecisionKind.SCALE_UPDATE, ctx.id(r) + " scaling down " + ctx.instances[r] + " -> " + size
                    + " instances: " + reason, List.of(), List.of());
            ctx.instances[r] = size;
            ctx.requested[r] = 0;
            // Kept for a relapse, the rest is still Houston's growth: it goes when the hold ends.
            ctx.lastRelied[r] = size > own ? ctx.lastRelied[r] : 0;
        }
    }

    private static String keeping(StepContext ctx, int restored) {
        LocationTrack t = ctx.tracks[restored];
        return "keeps what " + ctx.id(restored) + "'s evacuation would need, for "
                + (t.restoredAt() + RelapseHeadroom.holdMillis(ctx, t) - ctx.now) / 60_000
                + " more min after its fail-back (planner.scale-down-after-failback)";
    }

    private static boolean awaited(StepContext ctx, int r) {
        String id = ctx.id(r);
        for (LocationTrack t : ctx.tracks) {
            if (t.awaitingReady().contains(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Its configured instances, or what its own demand needs at target, whichever is more. A measured
     * demand gets the headroom on top: it is a sample of a catchment that may still be rising (a spike
     * in its own users), and a scale-down sized to exactly the last sample overloads on the next rise.
     * The configured peak already is the catchment's worst case and gets none.
     */
    private static int ownSize(StepContext ctx, int r) {
        CapacityModel c = ctx.topology.location(r).capacity();
        double headroom = ctx.demandReadAt[r] > 0 ? ctx.config.demand().scaleDownHeadroom() : 0;
        return Math.max(c.instances(), c.instancesFor(ctx.demand[r] * (1 + headroom)));
    }
}
