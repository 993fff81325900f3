package houston.core.engine;

import houston.core.model.CapacityModel;
import houston.core.model.LocationState;
import houston.core.model.TrafficPlan;
import houston.core.plan.NearestCapacityPlanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes evacuees' users off a receiver that its ready instances no longer carry. An evacuation is
 * placed on the demand measured when it is decided; when the evacuated catchment grows afterwards (a
 * spike in a dead location's own catchment, its evening peak arriving) or the receiver's own does, the
 * receiver passes what its ready instances serve and fails the excess for a scale-up's lead time:
 * ap-southeast-1, carrying all of a dead ap-northeast-1 whose demand then doubled, ran past 100% for
 * 137 s while ap-south-1 and ap-southeast-2 had ready room.
 *
 * <p>So every tick, a receiver whose load under the plan (as it will be once a move is felt, while demand
 * rises: {@link RisingDemand}) passes {@link #RELIEF_AT} of what its ready
 * instances serve has evacuees' shares taken off it down to its ready ceiling
 * ({@link NearestCapacityPlanner#readyCeiling}), each evacuee's share going to its nearest other
 * eligible receivers as far as their ready instances have room under the same ceiling (no pre-scale
 * for them: they take only what they run, so a spike cannot start a cascade of scale-ups). The
 * receiver itself is asked to grow for what it carried. What finds no room stays. The gap between
 * the ceiling (90%) and {@link #RELIEF_AT} keeps a receiver just below it from being relieved every
 * tick; once it has grown, {@link Reconsolidation} brings the users back nearer. Nothing is moved
 * while DNS publishes fail (the plan could not go live) or while automation is frozen. Its own
 * catchment is never moved: it is not evacuated. O(locations²) per receiver past the line and tick.
 */
final class ReceiverRelief {

    /** Relieved past 97% of what its ready instances serve: above the 90% interim ceiling, below failing. */
    static final double RELIEF_AT = 0.97;

    void apply(StepContext ctx) {
        if (ctx.dnsPublishesFailing() || ctx.overrides.frozen(ctx.now)) {
            return;
        }
        boolean[] receiving = ReceiverPool.eligible(ctx, -1);
        // Where the loads will be once a move is felt: on a rising load, a receiver relieved only as far as
        // it stands now is past the line again before the move lands.
        double[] loads = RisingDemand.loadsAhead(ctx);
        for (int r = 0; r < receiving.length; r++) {
            CapacityModel capacity = ctx.topology.location(r).capacity();
            double serves = ctx.instances[r] * capacity.rpsPerInstance();
            if (receiving[r] && loads[r] > RELIEF_AT * serves && relieve(ctx, r, loads[r],
                    loads[r] - NearestCapacityPlanner.readyCeiling(capacity, ctx.instances[r]))) {
                // What moved lands on other receivers: the loads are read again only after a relief.
                loads = RisingDemand.loadsAhead(ctx);
            }
        }
    }

    /**
     * Moves up to {@code excess} requests/s of evacuees' shares off receiver {@code r}, which carries
     * {@code carried} once a move is felt; true when some moved.
     */
    private boolean relieve(StepContext ctx, int r, double carried, double excess) {
        String carries = RisingDemand.describe(ReceiverPool.loads(ctx)[r], carried);
        boolean relieved = false;
        for (int c = 0; c < ctx.tracks.length && excess > 0; c++) {
            double[] row = ctx.row(c);
            // A fail-back's steps are its own; any other catchment's share on r is an evacuee's or a spill (OwnSpill).
            if (c == r || ctx.tracks[c].state() == LocationState.RECOVERING || row[r] <= TrafficPlan.DUST
                    || ctx.demand[c] <= 0) {
                continue;
            }
            // A share of c weighs what c will send once the move is felt, its rise included.
            double want = Math.min(row[r], excess / (ctx.demand[c] + RisingDemand.ahead(ctx, c)));
            List<String> to = new ArrayList<>();
            double[] added = new double[row.length];
            double moved = spill(ctx, c, r, want, row, added, to);
            if (!ctx.tracks[c].state().isAway() && want - moved > TrafficPlan.DUST) {
                // A spill (OwnSpill) is best effort: what finds no room elsewhere goes back to its crowded home
                // rather than overload a receiver whose own load rose after it was sent there (a surge everywhere).
                added[c] += want - moved;
                to.add("home " + TrafficMover.percent(want - moved));
                moved = want;
            }
            if (moved <= TrafficPlan.DUST) {
                continue;
            }
            for (int s = 0; s < row.length; s++) {
                row[s] += added[s];
            }
            row[r] -= moved;
            double[] evacuation = ctx.tracks[c].evacuationRow();
            if (evacuation != null && evacuation[r] > 0) {
                // The final row gives up on r at most what it planned there (it may plan less than the live row
                // carries), moved in the same proportions: its shares still add up to the whole catchment.
                double scale = Math.min(1, evacuation[r] / moved);
                double[] next = evacuation.clone();
                for (int s = 0; s < next.length; s++) {
                    next[s] += added[s] * scale;
                }
                next[r] -= moved * scale;
                ctx.tracks[c] = ctx.tracks[c].withEvacuationRow(next);
            }
            ctx.changeRow(c, row, "take " + ctx.id(c) + "'s users off " + ctx.id(r) + " past its ready instances");
            excess -= moved * ctx.demand[c];
            relieved = true;
            // Its errors until the move is felt are its load's, not a fault's: OwnOverload holds it that long.
            ctx.tracks[r] = ctx.tracks[r].overloaded(ctx.now);
            TrafficMover.preScale(ctx, r, ctx.topology.location(r).capacity().instancesFor(carried), c,
                    new ArrayList<>());
            ctx.notify(c, DecisionKind.TRAFFIC_SHIFTING, String.format(Locale.ROOT,
                    "%s's users moving off %s: it carries %s, past %.0f%% of what its %d ready instances serve; "
                            + "to %s, and %s is asked to grow", ctx.id(c), ctx.id(r), carries, RELIEF_AT * 100,
                    ctx.instances[r], String.join(", ", to), ctx.id(r)), List.of(), List.of());
        }
        return relieved;
    }

    /**
     * Places up to {@code want} of {@code c}'s catchment on its nearest eligible receivers other than
     * {@code r}, within their ready room, into {@code added}; returns how much was placed and names each
     * share in {@code to}.
     */
    static double spill(StepContext ctx, int c, int r, double want, double[] row, double[] added,
                                List<String> to) {
        boolean[] eligible = ReceiverPool.eligible(ctx, c);
        // Room as it will be once the move is felt: a receiver whose own load rises too has less of it.
        double[] live = RisingDemand.loadsAhead(ctx);
        double[] planned = ReceiverPool.plannedLoads(ctx);
        double placed = 0;
        for (int rank = 0; rank < row.length - 1 && want - placed > TrafficPlan.DUST; rank++) {
            int s = ctx.topology.neighbour(c, rank);
            double room = NearestCapacityPlanner.readyCeiling(ctx.topology.location(s).capacity(), ctx.instances[s])
                    - Math.max(live[s], planned[s]);
            if (s == r || !eligible[s] || room <= 0) {
                continue;
            }
            double take = Math.min(want - placed, room / ctx.demand[c]);
            added[s] += take;
            placed += take;
            to.add(ctx.id(s) + " " + TrafficMover.percent(take));
        }
        return placed;
    }
}
