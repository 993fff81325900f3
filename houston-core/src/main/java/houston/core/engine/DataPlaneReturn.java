package houston.core.engine;

import houston.core.model.TrafficPlan;

import java.util.List;
import java.util.Locale;

/**
 * A location evacuated through the data plane that recovers while the DNS API is still down.
 * Its shift never went live through the weights, so the weights DNS holds still send its whole
 * catchment home: answering its records again (its health check passes) brings it back in one
 * step, not in fail-back steps. That is taken rather than keeping a healthy location drained
 * for the rest of the outage (hours, at worst), on two conditions: its ready instances carry its
 * whole catchment now, and a relapse is caught as fast as the first failure (the data plane drops
 * its records again). Otherwise it stays out, told once as held until the DNS API returns.
 */
final class DataPlaneReturn {

    /** The once-per-incident key of "held until the DNS API returns", among the track's held reasons. */
    static final String HELD = "held until the DNS API returns";

    private DataPlaneReturn() {
    }

    /**
     * True when {@code l} is evacuated through the data plane only (its shift waits for a publish
     * that fails); the caller has judged it good long enough to come back.
     */
    static boolean applies(StepContext ctx, int l) {
        LocationTrack t = ctx.tracks[l];
        return t.awaitingGeneration() > ctx.liveGeneration && ctx.fallback.live().contains(ctx.id(l));
    }

    /** Brings {@code l} back through the data plane, or holds it with its reason (told once). */
    static void bringBack(StepContext ctx, int l, String why) {
        LocationTrack t = ctx.tracks[l];
        TrafficPlan inDns = DataPlaneRoom.inDns(ctx);
        double ready = ctx.instances[l] * ctx.topology.location(l).capacity().rpsPerInstance();
        String hold = !inDns.isHome(l) ? "the weights DNS holds keep its catchment elsewhere, and only a publish "
                + "can change them"
                : ready < ctx.demand[l] ? String.format(Locale.ROOT, "its %d ready instances carry %.0f of the %.0f "
                + "rps its catchment would send it at once", ctx.instances[l], ready, ctx.demand[l]) : null;
        if (hold != null) {
            if (!t.heldReasons().contains(HELD)) {
                ctx.tracks[l] = t.withHeldReason(HELD);
                ctx.notify(l, DecisionKind.EVACUATION_HELD, ctx.id(l) + " healthy, held out until the DNS API returns: "
                        + hold, List.of(), List.of());
            }
            return;
        }
        // The wanted plan follows what DNS will answer, so the API's return publishes no move.
        ctx.changeRow(l, inDns.row(l), "bring " + ctx.id(l) + " back through the data plane");
        ctx.notify(l, DecisionKind.RESTORED, ctx.id(l) + " healthy again: brought back through the data plane (" + why
                + "); its records are answered again and the weights DNS holds send all of its catchment home in "
                + "one step", List.of(), List.of());
        ctx.tracks[l] = t.closed(ctx.now);
    }
}
