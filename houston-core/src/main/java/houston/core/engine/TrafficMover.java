package houston.core.engine;

import houston.core.model.LocationState;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import houston.core.plan.NearestCapacityPlanner;
import houston.core.plan.Placement;
import houston.core.plan.ReceiverShare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The moves that take traffic away: decide an evacuation (plan + pre-scale), shift it, cancel
 * it ({@link Failback} brings it back). Each records its decision with the evidence; the rows it
 * changes are published together at the end of the step.
 */
final class TrafficMover {

    private final NearestCapacityPlanner planner;
    private final ReceiverDrain drain;

    TrafficMover(NearestCapacityPlanner planner, ReceiverDrain drain) {
        this.planner = planner;
        this.drain = drain;
    }

    /**
     * Plans where {@code l}'s catchment goes, asks receivers to pre-scale, and enters EVACUATING;
     * returns null. When no receiver can take any of it, nothing is decided (an evacuation that
     * moves nothing is not one) and the reason to hold it is returned.
     */
    String decide(StepContext ctx, int l, boolean automatic, String why, List<String> notes) {
        double[] row = ctx.row(l);
        double[] planned = ReceiverPool.plannedLoads(ctx);
        Placement placement = SteadyReceivers.prefer(ctx, l, ReceiverPool.eligible(ctx, l),
                eligible -> planner.place(l, ctx.demand[l] * row[l], planned, eligible, ctx.instances));
        if (placement.receivers().isEmpty() || placement.placedFraction() <= 0) {
            return SafetyPolicy.NO_RECEIVER + ": " + String.join("; ", placement.notes());
        }
        double[] evacuationRow = moveShare(ctx.topology, row, l, placement);
        List<String> awaiting = new ArrayList<>();
        for (ReceiverShare share : placement.receivers()) {
            preScale(ctx, ctx.topology.indexOf(share.location()), share.instancesNeeded(), l, awaiting);
        }
        String incident = ctx.tracks[l].incident() != null ? ctx.tracks[l].incident() : ctx.newIncident(l);
        long deadline = ctx.now + ctx.config.planner().prescaleTimeout().toMillis();
        ctx.tracks[l] = ctx.tracks[l].enter(LocationState.EVACUATING, ctx.now)
                .withEvacuation(incident, evacuationRow, awaiting, deadline);
        if (automatic) {
            ctx.recentEvacuations.add(ctx.now);
        }
        ctx.notify(l, DecisionKind.EVACUATION_DECIDED, ctx.id(l) + " evacuating: " + why + "; receivers "
                + describe(placement), List.of(placement), notes);
        if (placement.unplacedRps() > 0) {
            ctx.alert(AlertKind.CAPACITY_SHORTFALL, l, DecisionKind.EVACUATION_DECIDED, String.format(Locale.ROOT,
                    "%s: %.0f of %.0f rps found no receiver below its maximum and stay on %s",
                    ctx.id(l), placement.unplacedRps(), placement.movedRps(), ctx.id(l)));
        }
        return null;
    }

    /** Asks receiver {@code r} to grow to {@code needed} for {@code evacuee}'s traffic; it joins {@code awaiting}. */
    static void preScale(StepContext ctx, int r, int needed, int evacuee, List<String> awaiting) {
        if (ctx.dryRun() || needed <= ctx.instances[r]) {
            return;
        }
        ctx.lastRelied[r] = ctx.now;
        // Waited for only when a scale-up is on its way: one not asked (a failing scaler's wait) never lands.
        if (needed <= ctx.requested[r]
                || ScaleRequests.ask(ctx, r, needed, "receive traffic of " + ctx.id(evacuee), ctx.tracks[evacuee].incident())) {
            awaiting.add(ctx.id(r));
        }
    }

    /** Makes the evacuation live, and moves other catchments' shares off {@code l} as well. */
    void shift(StepContext ctx, int l, String why) {
        LocationTrack track = ctx.tracks[l];
        // Even with no pre-scale to wait for, a receiver may carry more now than it was planned for
        // (another evacuation's spill, a newer demand reading): only ready room is given.
        double[] now = carriedNow(ctx, l);
        boolean moved = ctx.changeRow(l, now, "evacuate " + ctx.id(l));
        List<Placement> others = new ArrayList<>();
        for (int c = 0; c < ctx.topology.size(); c++) {
            if (c != l && ctx.row(c)[l] > 0) {
                Placement p = drain.moveOff(ctx, c, l);
                if (!p.receivers().isEmpty()) {
                    others.add(p);
                }
            }
        }
        if (!moved && others.isEmpty()) {
            // No receiver has ready room: the plan stays as it is live, so there is no generation to wait
            // for. Evacuated from here on, its users follow as room appears (completeShift); shifting
            // again every tick would publish the same rows and post the same line once a second.
            ctx.tracks[l] = track.enter(LocationState.EVACUATED, ctx.now).awaiting(0);
            ctx.notify(l, DecisionKind.SCALE_UPDATE, ctx.id(l) + " evacuation waits for its receivers: " + why
                    + "; none has ready room yet, so the " + percent(WaitingShare.waiting(ctx, l))
                    + " of its users they are to take stays where it is served now and follows as they grow",
                    List.of(), List.of());
            return;
        }
        ctx.awaitPublish(l);
        String held = !ReadyRoom.changed(track.evacuationRow(), now) ? ""
                : now[l] > TrafficPlan.DUST ? String.format(Locale.ROOT,
                        "; %.0f%% stays until the receivers are ready (they would be overloaded)", now[l] * 100)
                : "; until the receivers are ready, what they cannot carry goes where ready instances have room";
        ctx.notify(l, DecisionKind.TRAFFIC_SHIFTING, ctx.id(l) + " traffic shifting: " + why + held, others,
                List.of());
    }

    /**
     * True when the {@code receivers} nearest eligible locations hold all of {@code l}'s users still
     * at home on the instances they run now, at target utilisation: what the plan asked them to
     * pre-scale for is then a better place later, not a condition for moving now.
     */
    static boolean readyCapacityHoldsAll(StepContext ctx, int l) {
        double left = ctx.demand[l] * (ctx.row(l)[l] - ctx.tracks[l].evacuationRow()[l]);
        double[] loads = ReceiverPool.loads(ctx);
        boolean[] eligible = ReceiverPool.eligible(ctx, l);
        int used = 0;
        for (int rank = 0; rank < loads.length - 1 && used < ctx.config.planner().receivers() && left > 1e-9; rank++) {
            int r = ctx.topology.neighbour(l, rank);
            double room = ctx.topology.location(r).capacity().rpsAtTarget(ctx.instances[r]) - loads[r];
            if (eligible[r] && room > 0) {
                used++;
                left -= room;
            }
        }
        return left <= 1e-9;
    }

    /** {@code prescale-timeout} passed: the receivers {@code l} still waits for will not grow in time. */
    void receiversTimedOut(StepContext ctx, int l) {
        for (String r : ctx.tracks[l].awaitingReady()) {
            drain.cannotGrow(ctx, ctx.topology.indexOf(r), "not ready by prescale-timeout");
        }
    }

    /**
     * {@code l}'s evacuation row as far as ready room takes it now; the rest waits on {@code l}. A
     * degraded location still serves what waits on it, so only the planned receivers and the spill
     * limit of {@code max-receivers} gain; a dead one serves nobody, so what its receivers cannot
     * take yet spills to every eligible location with ready room, however far, before any of it is
     * left to fail at home.
     */
    static double[] carriedNow(StepContext ctx, int l) {
        double[] target = ctx.tracks[l].evacuationRow();
        boolean dead = ctx.report != null && ctx.report.score(l) <= ctx.config.hysteresis().deadThreshold();
        int gainers = dead ? ctx.topology.size() : ctx.config.planner().maxReceivers();
        LocationTrack t = ctx.tracks[l];
        boolean scaling = !dead && !t.awaitingReady().isEmpty() && ctx.now < t.prescaleDeadline();
        return ReadyRoom.carriedNow(ctx, l, l, ctx.row(l), target, ReceiverPool.eligible(ctx, l), target[l], gainers,
                scaling ? urgency(ctx, l) : 1);
    }

    /**
     * How bad {@code l} is, from 0 (just below {@code down-threshold}) to 1 (dead): the score is one
     * minus the share of its probes that fail, so this grows with the share of its requests failing.
     * A degraded location's users are moved onto its receivers' ready room while they scale only up
     * to this far from target utilisation towards the interim ceiling: 30% failing at the biggest
     * location warrants more than slightly slow. One not scored bad (an operator's evacuation, no
     * score): 1, the interim ceiling, as for a dead one.
     */
    static double urgency(StepContext ctx, int l) {
        double score = ctx.report == null ? Double.NaN : ctx.report.score(l);
        double down = ctx.config.hysteresis().downThreshold();
        double dead = ctx.config.hysteresis().deadThreshold();
        if (Double.isNaN(score) || score >= down || down <= dead) {
            return 1;
        }
        return Math.max(0, Math.min(1, (down - score) / (down - dead)));
    }

    /** Drops an evacuation decided but not yet shifted. */
    void cancel(StepContext ctx, int l, String why) {
        ctx.notify(l, DecisionKind.EVACUATION_CANCELLED, ctx.id(l) + " evacuation cancelled before any traffic moved: "
                + why, List.of(), List.of());
        ctx.tracks[l] = ctx.tracks[l].closed(ctx.now, true);
    }

    /** {@code row} with its share on {@code from} spread as {@code p} says; what did not fit stays. */
    static double[] moveShare(Topology topology, double[] row, int from, Placement p) {
        double[] next = row.clone();
        double share = row[from];
        double moved = 0;
        for (ReceiverShare r : p.receivers()) {
            int to = topology.indexOf(r.location());
            next[to] += share * r.fraction();
            moved += share * r.fraction();
        }
        next[from] = Math.max(0, share - moved);
        return next;
    }

    static String describe(Placement p) {
        List<String> parts = new ArrayList<>();
        for (ReceiverShare r : p.receivers()) {
            parts.add(r.location() + " " + percent(r.fraction()));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** A share as Slack shows it; below 1% with a decimal, so a real move never reads as "0%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, fraction > 0 && fraction < 0.01 ? "%.1f%%" : "%.0f%%", fraction * 100);
    }
}
