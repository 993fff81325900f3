package houston.core.engine;

import houston.core.model.CapacityModel;

import java.util.List;

/**
 * Gives receivers their extra instances back, carefully. A location grown beyond its own size
 * (its configured instances, or what its own current demand needs plus the headroom, whichever is more) is scaled
 * back only when no other catchment's traffic has been on it, and nobody has asked it to
 * pre-scale, for the whole scale-down cool-down — so never while an evacuation, or a fail-back
 * still in its steps, relies on it. Idempotent: one ScaleDown per return to size. O(n²) per tick
 * only for grown locations (to check the plan's columns); nothing otherwise.
 */
final class ScaleDownPolicy {

    void apply(StepContext ctx) {
        long cooldown = ctx.config.planner().scaleDownCooldown().toMillis();
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
            String reason = "carried no other catchment for " + cooldown / 60_000 + " min: back to its own size";
            if (!ctx.dryRun()) {
                ctx.actions.add(new Action.ScaleDown(ctx.id(r), own, reason));
            }
            ctx.notify(r, DecisionKind.SCALE_UPDATE, ctx.id(r) + " scaling down " + ctx.instances[r] + " -> " + own
                    + " instances: " + reason, List.of(), List.of());
            ctx.instances[r] = own;
            ctx.requested[r] = 0;
            ctx.lastRelied[r] = 0;
        }
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
