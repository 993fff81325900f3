package houston.core.engine;

import houston.core.model.CapacityModel;
import houston.core.model.LocationState;
import houston.core.model.TrafficPlan;
import houston.core.plan.NearestCapacityPlanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends only the excess of a location's own users elsewhere when its ready instances cannot carry them:
 * a flash crowd in its catchment, with its scaler failing or still growing it. Evacuating such a
 * location, which is healthy but for want of capacity, moves all of its users to receivers that then
 * carry a crowd on top of their own (with the scaler failing, three crowded European locations were
 * evacuated onto each other in turn: four false evacuations and 480 s of receiver overload); holding
 * it fails the excess for as long as the crowd lasts, or as the scale-up's lead time.
 *
 * <p>So every tick, a location that is not out (healthy or suspect, not pinned) whose measured load
 * passes {@link ReceiverRelief#RELIEF_AT} of what its ready instances serve has that part of its own
 * catchment moved to its nearest eligible receivers, down to its ready ceiling
 * ({@link NearestCapacityPlanner#readyCeiling}), as far as their ready room goes (no pre-scale for them,
 * as for {@link ReceiverRelief}); it is asked to grow for its whole load. Its load is read as it will be
 * once the move is felt ({@link RisingDemand}), so a crowd still building is spilled ahead of it. Its users come back, farthest
 * first, as its own ready room takes them (it grew, or the crowd ebbed), once it has not spilled for
 * {@link Reconsolidation#INTERVAL_MS} (a crowd that ebbs and swells is not followed back and forth), in
 * chunks of at least {@link #MIN_RETURN} of its catchment. Not an evacuation: no incident
 * of its own, nothing held, and {@link OwnOverload} judges a bad score once the load is within its
 * instances. Nothing moves while DNS publishes fail or automation is frozen; only measured demand counts
 * (configured peak demand is no evidence of a crowd). O(locations²) per location spilling and tick.
 */
final class OwnSpill {

    /** Users come back only in chunks of at least this share of the catchment, or all that is away. */
    private static final double MIN_RETURN = 0.05;

    void apply(StepContext ctx) {
        boolean mayMove = !ctx.dnsPublishesFailing() && !ctx.overrides.frozen(ctx.now);
        // Its load as it will be once a move is felt: a crowd still building is spilled ahead of it.
        double[] loads = RisingDemand.loadsAhead(ctx);
        for (int l = 0; l < ctx.tracks.length; l++) {
            LocationState state = ctx.tracks[l].state();
            if (state != LocationState.HEALTHY && state != LocationState.SUSPECT
                    || ctx.overrides.pin(ctx.id(l)) != null || ctx.demandReadAt[l] <= 0 || ctx.demand[l] <= 0) {
                continue;
            }
            CapacityModel capacity = ctx.topology.location(l).capacity();
            double ceiling = NearestCapacityPlanner.readyCeiling(capacity, ctx.instances[l]);
            if (!ctx.wantedPlanLive() && ctx.row(l)[l] < 1 - TrafficPlan.DUST) {
                // Its excess has not left yet: the crowd's errors go on until the spill is live in DNS.
                // Marked while publishes fail too: a spill DNS never took leaves its crowd where it was.
                ctx.tracks[l] = ctx.tracks[l].overloaded(ctx.now);
            }
            if (!mayMove) {
                continue;
            }
            boolean moved = loads[l] > ReceiverRelief.RELIEF_AT * ctx.instances[l] * capacity.rpsPerInstance()
                    ? spill(ctx, l, loads[l], loads[l] - ceiling)
                    : ctx.now - ctx.tracks[l].overloadedAt() >= Reconsolidation.INTERVAL_MS
                    && comeBack(ctx, l, ceiling - loads[l]);
            if (moved) {
                loads = RisingDemand.loadsAhead(ctx);
            }
        }
    }

    /**
     * Spills {@code l}'s excess now if it is past the line and room takes some of it, for a location about to
     * be judged on its score: true when some moved.
     */
    static boolean now(StepContext ctx, int l) {
        if (ctx.dnsPublishesFailing() || ctx.overrides.frozen(ctx.now) || ctx.demand[l] <= 0) {
            return false;
        }
        CapacityModel capacity = ctx.topology.location(l).capacity();
        double load = RisingDemand.loadsAhead(ctx)[l];
        return load > ReceiverRelief.RELIEF_AT * ctx.instances[l] * capacity.rpsPerInstance()
                && spill(ctx, l, load, load - NearestCapacityPlanner.readyCeiling(capacity, ctx.instances[l]));
    }

    private static boolean spill(StepContext ctx, int l, double load, double excess) {
        String carries = RisingDemand.describe(ReceiverPool.loads(ctx)[l], load);
        double[] row = ctx.row(l);
        double want = Math.min(row[l], excess / (ctx.demand[l] + RisingDemand.ahead(ctx, l)));
        double[] added = new double[row.length];
        List<String> to = new ArrayList<>();
        double moved = ReceiverRelief.spill(ctx, l, l, want, row, added, to);
        if (moved <= TrafficPlan.DUST) {
            return false;
        }
        for (int s = 0; s < row.length; s++) {
            row[s] += added[s];
        }
        row[l] -= moved;
        if (!ctx.changeRow(l, row, "send " + ctx.id(l) + "'s users past its ready instances elsewhere")) {
            return false;
        }
        // Its errors until the excess has left still weigh in its error rate: OwnOverload holds it that long.
        ctx.tracks[l] = ctx.tracks[l].overloaded(ctx.now);
        int needed = ctx.topology.location(l).capacity().instancesFor(load);
        if (ScaleRequests.ask(ctx, l, needed, "carry its own users' load", ctx.tracks[l].incident())) {
            ctx.lastRelied[l] = ctx.now;
        }
        ctx.notify(l, DecisionKind.TRAFFIC_SHIFTING, String.format(Locale.ROOT,
                "%s's own users past its ready instances move: it carries %s, past %.0f%% of what its %d ready "
                        + "instances serve; %s of its catchment to %s, and %s is asked to grow (not evacuated: it is "
                        + "short of capacity, not failing)", ctx.id(l), carries, ReceiverRelief.RELIEF_AT * 100,
                ctx.instances[l], TrafficMover.percent(moved), String.join(", ", to), ctx.id(l)), List.of(), List.of());
        return true;
    }

    /** Brings {@code l}'s users back from its farthest receivers first, up to {@code room} requests/s. */
    private static boolean comeBack(StepContext ctx, int l, double room) {
        double[] row = ctx.row(l);
        double away = 1 - row[l];
        double fits = Math.min(away, room / ctx.demand[l]);
        if (away <= TrafficPlan.DUST || fits < Math.min(away, MIN_RETURN)) {
            return false;
        }
        double left = fits;
        for (int rank = row.length - 2; rank >= 0 && left > TrafficPlan.DUST; rank--) {
            int s = ctx.topology.neighbour(l, rank);
            double back = Math.min(row[s], left);
            row[s] -= back;
            row[l] += back;
            left -= back;
        }
        if (!ctx.changeRow(l, row, "bring " + ctx.id(l) + "'s users home")) {
            return false;
        }
        ctx.notify(l, DecisionKind.TRAFFIC_SHIFTING, String.format(Locale.ROOT, "%s's users coming home: its ready "
                + "instances take %s of its catchment again (%s still elsewhere)", ctx.id(l), TrafficMover.percent(fits),
                TrafficMover.percent(away - fits)), List.of(), List.of());
        return true;
    }
}
