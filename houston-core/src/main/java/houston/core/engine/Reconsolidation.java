package houston.core.engine;

import houston.core.model.TrafficPlan;
import houston.core.plan.NearestCapacityPlanner;
import houston.core.plan.Placement;
import houston.core.plan.ReceiverShare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Brings an evacuated catchment back nearer once its nearest receivers can take it. Where an
 * evacuation first sends users depends on what was ready then: a nearest receiver still scaling
 * (or whose scale-up failed, or that was itself failing back) leaves them far away, and every one
 * of their requests pays the round trip for as long as the evacuation lasts (Sydney's users stayed
 * in Mumbai and Cape Town for 50 minutes after Singapore had grown). So while a location is
 * evacuated, its away share (with what still waits at home for ready room) is placed again on
 * what the receivers run now ({@link NearestCapacityPlanner#placeOnReady}), and that placement
 * replaces the live one when:
 * <ul>
 *   <li>all of it fits on ready instances (nothing is sent to capacity that is not there);</li>
 *   <li>its request-weighted distance is at most {@code 1 - MARGIN} of the live one's and of the
 *       one the evacuation waits to complete, and at least {@code MIN_MOVED} of the catchment
 *       changes place: a move only ever goes nearer by a clear margin, so two placements cannot
 *       alternate, and no sliver moves;</li>
 *   <li>{@code INTERVAL} has passed since the location was evacuated or last moved nearer.</li>
 * </ul>
 * Receivers left above their target are asked to grow back to it; if they cannot, they stay at
 * their ready ceiling ({@link ReceiverDrain#cannotGrow}). O(locations²) per evacuated location and tick.
 */
final class Reconsolidation {

    /**
     * How much nearer (request-weighted) a placement must be: a tenth, well past a demand reading's
     * noise. Sydney's users split between Singapore (6,300 km) and Tokyo (7,800 km) are only 12%
     * nearer all in Singapore, yet that is a millisecond and more off every one of their requests.
     */
    static final double MARGIN = 0.1;
    /** Less of the catchment than this changing place is a sliver, not worth a plan change. */
    static final double MIN_MOVED = 0.05;
    /**
     * At most one move nearer per location this often: long enough for the previous one to be live in
     * DNS and for the receivers' loads to show it, short against an evacuation's tens of minutes.
     */
    static final long INTERVAL_MS = 3 * 60_000L;

    private final NearestCapacityPlanner planner;

    Reconsolidation(NearestCapacityPlanner planner) {
        this.planner = planner;
    }

    /** A nearer placement of an evacuated catchment's away share: the new row, and how far before and after. */
    private record Move(double[] next, Placement placement, double before, double after) {
    }

    /** Moves evacuated {@code l}'s away share nearer if the conditions above hold; else changes nothing. */
    void apply(StepContext ctx, int l) {
        Move m = nearer(ctx, l);
        if (m == null) {
            return;
        }
        LocationTrack t = ctx.tracks[l];
        Placement p = m.placement();
        ctx.changeRow(l, m.next(), "move " + ctx.id(l) + "'s users nearer");
        List<String> awaiting = new ArrayList<>();
        for (ReceiverShare share : p.receivers()) {
            TrafficMover.preScale(ctx, ctx.topology.indexOf(share.location()), share.instancesNeeded(), l, awaiting);
        }
        ctx.tracks[l] = t.withEvacuationRow(m.next())
                .withAwaitingReady(awaiting, ctx.now + ctx.config.planner().prescaleTimeout().toMillis())
                .movedNearer(ctx.now);
        ctx.notify(l, DecisionKind.TRAFFIC_SHIFTING, String.format(Locale.ROOT,
                "%s's users moved back nearer: %s has room (request-weighted distance %.0f → %.0f); receivers %s",
                ctx.id(l), p.receivers().get(0).location(), m.before(), m.after(), TrafficMover.describe(p)), List.of(p),
                List.of());
    }

    /**
     * While {@code hold} (a freeze) keeps the move of {@link #apply} from happening, says so once per
     * hold in the incident's thread: otherwise users stay far from home for as long as the freeze lasts
     * and nothing tells the operator why.
     */
    void announceHeld(StepContext ctx, int l, String hold) {
        String key = "nearer held: " + hold;
        if (ctx.tracks[l].heldReasons().contains(key)) {
            return;
        }
        Move m = nearer(ctx, l);
        if (m == null) {
            return;
        }
        ctx.tracks[l] = ctx.tracks[l].withHeldReason(key);
        ctx.notify(l, DecisionKind.EVACUATION_HELD, String.format(Locale.ROOT,
                "%s's users would move back nearer: %s has room (request-weighted distance %.0f → %.0f); held: %s",
                ctx.id(l), m.placement().receivers().get(0).location(), m.before(), m.after(), hold), List.of(m.placement()),
                List.of());
    }

    /** The nearer placement the conditions above allow now, or null. */
    private Move nearer(StepContext ctx, int l) {
        LocationTrack t = ctx.tracks[l];
        double[] current = ctx.row(l);
        double[] evacuation = t.evacuationRow() != null ? t.evacuationRow() : current;
        // What its evacuation sends away, including what still waits at home for ready room.
        double home = Math.min(current[l], evacuation[l]);
        double away = 1 - home;
        // Pre-scales it still waits for do not hold this back: the new placement needs none of them
        // to be ready, and it waits only for those it asks for itself.
        if (ctx.dnsPublishesFailing() || ctx.now - Math.max(t.since(), t.movedNearerAt()) < INTERVAL_MS || ctx.demand[l] <= 0
                || away <= TrafficPlan.DUST) {
            return null;
        }
        double[] live = ReceiverPool.loads(ctx);
        double[] planned = ReceiverPool.plannedLoads(ctx);
        double[] others = new double[live.length];
        for (int s = 0; s < live.length; s++) {
            // What the others carry, live or promised to another evacuation, whichever is more.
            others[s] = s == l ? live[s] : Math.max(live[s] - ctx.demand[l] * current[s],
                    planned[s] - ctx.demand[l] * evacuation[s]);
        }
        Placement p = SteadyReceivers.prefer(ctx, l, ReceiverPool.eligible(ctx, l),
                eligible -> planner.placeOnReady(l, ctx.demand[l] * away, others, eligible, ctx.instances));
        if (p.receivers().isEmpty() || p.unplacedRps() > 0) {
            return null;
        }
        double[] next = new double[current.length];
        next[l] = home;
        for (ReceiverShare share : p.receivers()) {
            next[ctx.topology.indexOf(share.location())] = away * share.fraction();
        }
        double before = distance(ctx, l, current);
        double after = distance(ctx, l, next);
        // Nearer than where the evacuation already sends them once its receivers are ready, too: else
        // completing the shift (as soon as they are) does better than a move on what is ready now.
        if (after > (1 - MARGIN) * Math.min(before, distance(ctx, l, evacuation)) || ReadyRoom.moved(current, next) < MIN_MOVED) {
            return null;
        }
        return new Move(next, p, before, after);
    }

    /** Request-weighted distance from {@code l} of the users {@code row} serves away from home. */
    private static double distance(StepContext ctx, int l, double[] row) {
        double weighted = 0;
        double away = 0;
        for (int s = 0; s < row.length; s++) {
            if (s != l) {
                weighted += row[s] * ctx.topology.distance(l, s);
                away += row[s];
            }
        }
        return away <= 0 ? 0 : weighted / away;
    }
}
