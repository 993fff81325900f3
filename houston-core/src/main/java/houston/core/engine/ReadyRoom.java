package houston.core.engine;

/**
 * What a catchment's row may send now, while its receivers scale: no location is given more than
 * its ready instances take at the interim ceiling, within its maximum
 * ({@link houston.core.model.CapacityModel#rpsWhileScaling}). A dead location's users fail either
 * way, but an overloaded receiver fails its own users too and degrades worse than linearly (the
 * failover that causes the second outage), so nothing is sent that a receiver cannot carry now.
 * Used for an evacuee's own catchment and for shares moved off a receiver that stops receiving.
 */
final class ReadyRoom {

    private ReadyRoom() {
    }

    /**
     * {@code target} cut so that each location it gives more than {@code current} gains at most
     * its ready headroom; what does not fit spills to the next nearest {@code eligible} locations
     * (from {@code c}'s home) with ready headroom, up to {@code maxGainers} gaining in this move,
     * and only the rest waits on {@code waitOn} (the evacuee itself, or the receiver its share
     * is moving off) until the receivers are ready. More than {@code floor} on {@code waitOn} is
     * waiting, and spills too. O(locations²) for the loads.
     *
     * @param c       the catchment whose row this is
     * @param waitOn  where what finds no ready room stays for now
     * @param current the row live now
     * @param target  where the row goes once the receivers are ready
     * @param floor   the share {@code waitOn} keeps in the end
     * @param maxGainers how many locations may gain in this move
     */
    static double[] carriedNow(StepContext ctx, int c, int waitOn, double[] current, double[] target,
                               boolean[] eligible, double floor, int maxGainers) {
        return carriedNow(ctx, c, waitOn, current, target, eligible, floor, maxGainers, 1);
    }

    /**
     * As above, with each location's ready room taken only up to {@code urgency} of the way from
     * target utilisation to the interim ceiling ({@link houston.core.model.CapacityModel#rpsWhileScaling(int, double)}).
     */
    static double[] carriedNow(StepContext ctx, int c, int waitOn, double[] current, double[] target,
                               boolean[] eligible, double floor, int maxGainers, double urgency) {
        double demand = ctx.demand[c];
        double[] loads = ReceiverPool.loads(ctx);
        double[] row = target.clone();
        double kept = row[waitOn];
        // Locations already serving part of the row count against maxGainers: moved again as room
        // appears (a receiver growing), the row would otherwise spread further with every move.
        int used = 0;
        for (int r = 0; r < row.length; r++) {
            used += r != waitOn && r != c && current[r] > 0 ? 1 : 0;
        }
        for (int r = 0; r < row.length; r++) {
            if (r == waitOn || row[r] <= current[r]) {
                continue;
            }
            double fraction = current[r] + fits(row[r] - current[r], demand, headroom(ctx, r, loads, urgency));
            used += fraction > current[r] && current[r] <= 0 ? 1 : 0;
            kept += row[r] - fraction;
            row[r] = fraction;
        }
        for (int rank = 0; rank < row.length - 1 && kept > floor + 1e-9; rank++) {
            int r = ctx.topology.neighbour(c, rank);
            boolean fresh = current[r] <= 0;
            if (!eligible[r] || r == waitOn || row[r] > current[r] || fresh && used >= maxGainers) {
                continue;
            }
            // What this row takes off r (an earlier spill the target does not keep) is room on r too: else
            // those users go home and come back on the next tick, when r's load no longer counts them.
            double freed = demand * Math.max(0, current[r] - row[r]);
            double extra = fits(kept - floor, demand, headroom(ctx, r, loads, urgency) + freed);
            if (extra > 0) {
                used += fresh ? 1 : 0;
                row[r] += extra;
                kept -= extra;
            }
        }
        row[waitOn] = kept;
        return row;
    }

    /**
     * How much of {@code share} of a catchment of {@code demand} requests/s fits in {@code headroom}.
     * A catchment with no demand now still needs room when its users come: none is sent to a
     * receiver with no ready headroom.
     */
    private static double fits(double share, double demand, double headroom) {
        if (demand <= 0) {
            return headroom > 0 ? share : 0;
        }
        return Math.min(share, headroom / demand);
    }

    /** True when the rows differ by more than rounding. */
    static boolean changed(double[] before, double[] after) {
        for (int s = 0; s < before.length; s++) {
            if (Math.abs(before[s] - after[s]) > 1e-9) {
                return true;
            }
        }
        return false;
    }

    /** Share of the catchment that changes place between the two rows. */
    static double moved(double[] from, double[] to) {
        double moved = 0;
        for (int s = 0; s < from.length; s++) {
            moved += Math.max(0, to[s] - from[s]);
        }
        return moved;
    }

    /** Requests/s {@code r}'s ready instances take beyond its load now (up to the ceiling {@code urgency} gives, within its maximum). */
    private static double headroom(StepContext ctx, int r, double[] loads, double urgency) {
        return Math.max(0, ctx.topology.location(r).capacity().rpsWhileScaling(ctx.instances[r], urgency) - loads[r]);
    }
}
