package houston.core.engine;

import houston.core.model.LocationState;

import java.util.List;

/**
 * The moves that bring an evacuated location's traffic back: step it home as the fail-back
 * steps say, restore it once the last step is live, or abort the way back when it fails again.
 * Each records its decision with the evidence; the rows it changes are published together at
 * the end of the step.
 */
final class Failback {

    private Failback() {
    }

    /**
     * Publishes fail-back step {@code step}; the last step (1.0) restores the location once the
     * plan carrying it is live in DNS ({@link #restored}): announced earlier, "restored" would be
     * told while a throttled publish still keeps the catchment away.
     */
    static void step(StepContext ctx, int l, int step, String why) {
        double fraction = ctx.config.failback().steps().get(step);
        LocationTrack t = ctx.tracks[l];
        // Fail-back only ever brings traffic home: no receiver gets more than it carries now (after an
        // interim shift it may carry less than the evacuation row gives it).
        double[] current = ctx.row(l);
        double[] row = new double[ctx.topology.size()];
        double cut = 0;
        for (int s = 0; s < row.length; s++) {
            if (s != l) {
                double planned = (1 - fraction) * t.evacuationRow()[s];
                row[s] = Math.min(current[s], planned);
                cut += planned - row[s];
            }
        }
        row[l] = (1 - fraction) * t.evacuationRow()[l] + fraction + cut;
        ctx.changeRow(l, row, "fail back " + ctx.id(l) + " to " + TrafficMover.percent(fraction));
        ctx.awaitPublish(l);
        ctx.tracks[l] = t.enter(LocationState.RECOVERING, ctx.now).withFailbackStep(step);
        // Told as wanted, not as served: the step serves nobody until DNS carries it, and while the data
        // plane holds the location out (the API down) nobody at all is served there.
        boolean heldOut = ctx.fallback.live().contains(ctx.id(l));
        ctx.notify(l, DecisionKind.FAILBACK_STEP, ctx.id(l) + " failing back: serving "
                + (fraction >= 1.0 ? "all" : TrafficMover.percent(fraction))
                + " of its catchment at home once DNS carries it"
                + (heldOut ? ", held out by the DNS data plane until then" : "") + " (" + why + ")", List.of(), List.of());
    }

    /** The last fail-back step is live in DNS: the location is restored and its incident closed. */
    static void restored(StepContext ctx, int l) {
        ctx.notify(l, DecisionKind.RESTORED, ctx.id(l) + " restored: serving all of its catchment again (plan "
                + "generation " + Math.max(ctx.tracks[l].awaitingGeneration(), ctx.liveGeneration) + " live in DNS)", List.of(), List.of());
        ctx.tracks[l] = ctx.tracks[l].closed(ctx.now);
    }

    /** Goes back to the full evacuation row: the score dropped during fail-back. */
    static void abort(StepContext ctx, int l, String why) {
        LocationTrack t = ctx.tracks[l];
        // The receivers' room may have gone to others meanwhile: what finds none waits at home and
        // follows as it appears (EVACUATED completes the shift).
        ctx.changeRow(l, TrafficMover.carriedNow(ctx, l), "abort fail-back of " + ctx.id(l));
        ctx.awaitPublish(l);
        ctx.tracks[l] = t.enter(LocationState.EVACUATED, ctx.now).withFailbackStep(-1);
        ctx.notify(l, DecisionKind.FAILBACK_ABORTED, ctx.id(l) + " fail-back aborted: " + why, List.of(), List.of());
    }
}
