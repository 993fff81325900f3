package houston.core.engine;

import houston.core.model.LocationState;
import houston.core.model.TrafficPlan;
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
        boolean[] receiving = ReceiverPool.eligible(ctx, -1);
        for (int r = 0; r < receiving.length; r++) {
            if (receiving[r] || ctx.tracks[r].state() == LocationState.RECOVERING || keeps(ctx, r)) {
                continue;
            }
            for (int c = 0; c < receiving.length; c++) {
                if (c != r && (ctx.row(c)[r] > 0 || evacuationShare(ctx, c, r) > 0)) {
                    double[] before = ctx.row(c);
                    Placement p = moveOff(ctx, c, r);
                    if (!p.receivers().isEmpty() && p.placedFraction() > 0) {
                        // Re-planned but with no ready room to move into yet, nothing shifts: a scale update.
                        DecisionKind kind = ReadyRoom.changed(before, ctx.row(c)) ? DecisionKind.TRAFFIC_SHIFTING
                                : DecisionKind.SCALE_UPDATE;
                        ctx.notify(c, kind, String.format(Locale.ROOT,
                                "%s's users moving off %s: %s no longer receives (score %.2f, %s); receivers %s",
                                ctx.id(c), ctx.id(r), ctx.id(r), ctx.report.score(r),
                                ctx.tracks[r].state().name().toLowerCase(Locale.ROOT), TrafficMover.describe(p)),
                                List.of(p), List.of());
                    }
                }
            }
        }
    }

    /**
     * A receiver whose only fault is evidence that does not count keeps what it carries: SUSPECT with a
     * score no longer bad (waiting out its up-hold after a blip), or bad but not dead while fail-static
     * calls the evidence uncorroborated (the observers, not the locations, look broken). Draining them
     * sent Dublin's users to Cape Town after a CPU-starved observer's hiccup made eight locations look
     * bad for three seconds. A dead receiver is drained, fail-static or not.
     */
    private static boolean keeps(StepContext ctx, int r) {
        LocationState state = ctx.tracks[r].state();
        if (state != LocationState.HEALTHY && state != LocationState.SUSPECT
                || ctx.overrides.pin(ctx.id(r)) == PinTarget.EVACUATED) {
            return false;
        }
        return !ctx.report.isBad(r)
                || ctx.failStatic && ctx.report.score(r) > ctx.config.hysteresis().deadThreshold();
    }

    private static double evacuationShare(StepContext ctx, int c, int r) {
        double[] row = ctx.tracks[c].evacuationRow();
        return row == null ? 0 : row[r];
    }

    /**
     * Places {@code c}'s share on {@code from} elsewhere (never on {@code c} itself or {@code from}):
     * the share its evacuation row still gives {@code from} is placed again by the receivers'
     * maximum, and they are asked to pre-scale (its pre-scale deadline runs from now). Live, the
     * share moves only as far as ready instances take it now ({@link ReadyRoom}); the rest waits on
     * {@code from} and follows when the receivers are ready, as an evacuee's own users do. Called
     * every tick while {@code from} carries others: what waits spills to ready room that appears.
     */
    Placement moveOff(StepContext ctx, int c, int from) {
        double[] row = ctx.row(c);
        LocationTrack t = ctx.tracks[c];
        double[] evacuation = t.evacuationRow() != null ? t.evacuationRow() : row;
        boolean[] eligible = ReceiverPool.eligible(ctx, from);
        eligible[c] = false;
        Placement p = planner.place(c, ctx.demand[c] * evacuation[from], ReceiverPool.plannedLoads(ctx), eligible,
                ctx.instances);
        boolean placed = evacuation[from] > 0 && !p.receivers().isEmpty() && p.placedFraction() > 0;
        if (placed && t.evacuationRow() != null) {
            evacuation = TrafficMover.moveShare(ctx.topology, evacuation, from, p);
            List<String> awaiting = new ArrayList<>(t.awaitingReady());
            if (evacuation[from] == 0) {
                awaiting.remove(ctx.id(from));
            }
            for (ReceiverShare s : p.receivers()) {
                TrafficMover.preScale(ctx, ctx.topology.indexOf(s.location()), s.instancesNeeded(), c, awaiting);
            }
            long deadline = awaiting.size() > t.awaitingReady().size()
                    ? Math.max(t.prescaleDeadline(), ctx.now + ctx.config.planner().prescaleTimeout().toMillis())
                    : t.prescaleDeadline();
            ctx.tracks[c] = t.withEvacuationRow(evacuation)
                    .withAwaitingReady(awaiting.stream().distinct().toList(), deadline);
        }
        if (row[from] > 0) {
            double[] target = placed ? TrafficMover.moveShare(ctx.topology, row, from, p) : row;
            // Users left on a location that may not receive fail (or keep a dead one's load): they
            // spill to every location with ready room, not only max-receivers of them.
            double[] live = ReadyRoom.carriedNow(ctx, c, from, row, target, eligible,
                    Math.min(target[from], evacuation[from]), ctx.topology.size());
            if (ReadyRoom.changed(row, live)) {
                ctx.changeRow(c, live, "move " + ctx.id(c) + "'s share off " + ctx.id(from));
            }
        }
        return placed ? p : new Placement(ctx.id(c), 0, List.of(), 0, p.notes());
    }

    /**
     * Receiver {@code r} will not grow (its pre-scale failed, timed out, or was not ready by
     * {@code prescale-timeout}): every evacuation waiting for it stops waiting and plans it only to
     * its ready ceiling ({@link NearestCapacityPlanner#readyCeiling}: 90% of what its ready instances
     * serve). The rest of its share goes to the nearest other eligible receivers as far as their
     * ready instances have room under the same ceiling — no new pre-scales, so a scaler that fails
     * everywhere cannot start a cascade — and what finds no room stays home; the evacuee's thread
     * says so. Nothing is moved onto instances that never arrived. Planning it at its target
     * instead emptied the nearest receivers that already carried the users at the ceiling while
     * they scaled, and sent a quarter of London's users across the Atlantic for the whole outage.
     * O(locations²) per evacuation waiting for {@code r}.
     */
    void cannotGrow(StepContext ctx, int r, String why) {
        String id = ctx.id(r);
        double ready = NearestCapacityPlanner.readyCeiling(ctx.topology.location(r).capacity(), ctx.instances[r]);
        for (int e = 0; e < ctx.tracks.length; e++) {
            LocationTrack t = ctx.tracks[e];
            if (!t.awaitingReady().contains(id) || t.evacuationRow() == null) {
                continue;
            }
            double[] target = t.evacuationRow().clone();
            double[] planned = ReceiverPool.plannedLoads(ctx);
            double excess = ctx.demand[e] > 0 ? Math.min(target[r], Math.max(0, planned[r] - ready) / ctx.demand[e]) : 0;
            target[r] -= excess;
            List<String> instead = new ArrayList<>();
            boolean[] eligible = ReceiverPool.eligible(ctx, e);
            for (int rank = 0; rank < target.length - 1 && excess > TrafficPlan.DUST; rank++) {
                int s = ctx.topology.neighbour(e, rank);
                double room = NearestCapacityPlanner.readyCeiling(ctx.topology.location(s).capacity(), ctx.instances[s])
                        - planned[s];
                if (s == r || !eligible[s] || room <= 0) {
                    continue;
                }
                double take = Math.min(excess, room / ctx.demand[e]);
                target[s] += take;
                excess -= take;
                instead.add(ctx.id(s) + " " + TrafficMover.percent(take));
            }
            target[e] += excess;
            ctx.tracks[e] = t.withEvacuationRow(target).withAwaitingReady(t.awaitingReady().stream()
                    .filter(a -> !a.equals(id)).toList());
            ctx.notify(e, DecisionKind.SCALE_UPDATE, String.format(Locale.ROOT,
                    "%s failed to grow (%s): planned at its %d ready instances (%.0f rps, 90%% of what they serve)%s%s", id, why,
                    ctx.instances[r], ready, instead.isEmpty() ? "" : "; instead: " + String.join(", ", instead),
                    excess > TrafficPlan.DUST ? String.format(Locale.ROOT, "; %.0f%% of %s's users find no ready "
                            + "room and stay home", excess * 100, ctx.id(e)) : ""), List.of(), List.of());
        }
    }
}
