package houston.core.engine;

import houston.core.engine.ActionOutcome.ScaleResult;

import java.util.Locale;

/**
 * The one way the engine asks a location to grow, and hears that it could not: a size already asked
 * for is not asked again, and a location whose scale-ups keep failing waits out its
 * {@link ScaleBackoff} before it is asked again. The first failure in a row pages; the next ones are
 * told in the incident thread, so a scaler down for an hour is one page per location, not thousands.
 */
final class ScaleRequests {

    private ScaleRequests() {
    }

    /**
     * Asks {@code l} to grow to {@code needed} instances; false when it is not asked: a dry run, that
     * big already, that size already asked for, or still waiting after failed scale-ups.
     */
    static boolean ask(StepContext ctx, int l, int needed, String reason, String incident) {
        if (ctx.dryRun() || needed <= ctx.instances[l] || needed <= ctx.requested[l]
                || !ctx.scaleBackoff.allows(l, ctx.now)) {
            return false;
        }
        ctx.requested[l] = needed;
        ctx.actions.add(new Action.PreScale(ctx.id(l), needed, reason, incident));
        return true;
    }

    /**
     * {@code l}'s scale-up failed or timed out: nothing is pending, and the next ask waits.
     *
     * @return why, as the evacuations relying on it are told ("failed: quota exceeded")
     */
    static String failed(StepContext ctx, int l, ScaleResult s) {
        ctx.requested[l] = 0;
        ctx.scaleBackoff = ctx.scaleBackoff.failed(l, ctx.now);
        int streak = ctx.scaleBackoff.failures()[l];
        long waitS = (ctx.scaleBackoff.retryAt()[l] - ctx.now) / 1000;
        String why = s.status().name().toLowerCase(Locale.ROOT) + ": " + s.detail();
        String what = "scale-up of " + s.location() + " to " + s.instances() + " " + why;
        if (streak == 1) {
            ctx.alert(AlertKind.SCALER_FAILED, l, DecisionKind.SCALE_UPDATE, what + "; asked again in " + waitS
                    + "s, then less often while it keeps failing (at most every " + ScaleBackoff.LONGEST_WAIT_MS / 60_000
                    + " min), each failure told in the incident thread");
        } else {
            ctx.notifyIn(incidentOf(ctx, l), l, DecisionKind.SCALE_UPDATE, what + "; still failing (" + streak
                    + " in a row), asked again in " + waitS + "s");
        }
        return why;
    }

    /** {@code l} grew: its next failure pages again. */
    static void grew(StepContext ctx, int l) {
        ctx.scaleBackoff = ctx.scaleBackoff.succeeded(l);
    }

    /** The thread where news of {@code l}'s size belongs: the evacuation relying on it, its own, or the outage's. */
    static String incidentOf(StepContext ctx, int l) {
        String incident = ReceiverPool.incidentRelyingOn(ctx, l);
        incident = incident != null ? incident : ctx.tracks[l].incident();
        return incident != null ? incident : DataPlaneRoom.outageIncident(ctx);
    }
}
