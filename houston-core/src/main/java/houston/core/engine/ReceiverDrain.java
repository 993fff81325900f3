package houston.core.engine;

import houston.core.model.LocationState;
import houston.core.plan.NearestCapacityPlanner;
import houston.core.plan.Placement;
import houston.core.plan.ReceiverShare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A location that may not receive stops receiving, whatever happens to its own catchment. When
 * a receiver goes bad (or is evacuated, or pinned away), every other catchment's share on it — in
 * the plan and in the evacuation rows still waiting to go live — is placed again on the nearest
 * good receivers with room, in the tick it is seen; they are asked to pre-scale. This holds even
 * when the receiver's own evacuation is held (max-evacuated, rate limit, fail-static): the cap
 * protects its catchment from a needless move, not other catchments from a dead receiver. What
 * finds no receiver with room stays where it is, and says so. O(locations²) only in a tick where
 * a receiver carrying others is not eligible; O(locations²) to check otherwise.
 */
final class ReceiverDrain {

    private final NearestCapacityPlanner planner;

    ReceiverDrain(NearestCapacityPlanner planner) {
        this.planner = planner;
    }

    /** Moves other catchments' shares off every location that may not receive now. */
    void apply(StepContext ctx) {
        boolean[] receiving = ctx.eligibleReceivers(-1);
        for (int r = 0; r < receiving.length; r++) {
            if (receiving[r] || ctx.tracks[r].state() == LocationState.RECOVERING) {
                continue;
            }
            for (int c = 0; c < receiving.length; c++) {
                if (c != r && (ctx.row(c)[r] > 0 || evacuationShare(ctx, c, r) > 0)) {
                    Placement p = moveOff(ctx, c, r);
                    if (!p.receivers().isEmpty() && p.placedFraction() > 0) {
                        ctx.notify(c, DecisionKind.TRAFFIC_SHIFTING, String.format(Locale.ROOT,
                                "%s's users moving off %s: %s no longer receives (score %.2f, %s); receivers %s",
                                ctx.id(c), ctx.id(r), ctx.id(r), ctx.report.score(r),
                                ctx.tracks[r].state().name().toLowerCase(Locale.ROOT), TrafficMover.describe(p)),
                                List.of(p), List.of());
                    }
                }
            }
        }
    }

    private static double evacuationShare(StepContext ctx, int c, int r) {
        double[] row = ctx.tracks[c].evacuationRow();
        return row == null ? 0 : row[r];
    }

    /**
     * Places {@code c}'s share on {@code from} elsewhere (never on {@code c} itself or {@code from}),
     * in the plan and in {@code c}'s evacuation row, and asks the new receivers to pre-scale.
     */
    Placement moveOff(StepContext ctx, int c, int from) {
        double[] row = ctx.row(c);
        double share = Math.max(row[from], evacuationShare(ctx, c, from));
        boolean[] eligible = ctx.eligibleReceivers(from);
        eligible[c] = false;
        Placement p = planner.place(c, ctx.demand[c] * share, ctx.plannedLoads(), eligible, ctx.instances);
        if (p.receivers().isEmpty() || p.placedFraction() <= 0) {
            return p;
        }
        if (row[from] > 0) {
            ctx.changeRow(c, TrafficMover.moveShare(ctx.topology, row, from, p), "move " + ctx.id(c) + "'s share off "
                    + ctx.id(from));
        }
        LocationTrack t = ctx.tracks[c];
        if (t.evacuationRow() != null && t.evacuationRow()[from] > 0) {
            double[] target = TrafficMover.moveShare(ctx.topology, t.evacuationRow(), from, p);
            List<String> awaiting = new ArrayList<>(t.awaitingReady());
            if (target[from] == 0) {
                awaiting.remove(ctx.id(from));
            }
            for (ReceiverShare s : p.receivers()) {
                TrafficMover.preScale(ctx, ctx.topology.indexOf(s.location()), s.instancesNeeded(), c, awaiting);
            }
            ctx.tracks[c] = t.withEvacuationRow(target).withAwaitingReady(awaiting.stream().distinct().toList());
        }
        return p;
    }
}
