package houston.core.engine;

import houston.core.model.LocationState;
import houston.core.model.TrafficPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * Which locations the data-plane fallback drops: those whose shift the engine decided and that wait
 * only for DNS, and, once the API answers again, those the live weights would still send users home to.
 * Which is which decides whether a drop moves users the engine has not moved, so it lives apart from
 * the tracker that engages and releases.
 */
final class DataPlaneCandidates {

    private DataPlaneCandidates() {
    }

    /**
     * Of the locations the data plane holds out, those the live weights would still send users to
     * while they are evacuating: an interim plan (part of a dead location's users waiting for its
     * receivers' pre-scale) goes live when the API returns, and releasing then would send that part
     * back to a dead location. They stay out until the weights empty them.
     */
    static List<String> stillSentHome(StepContext ctx, List<String> live) {
        List<String> out = new ArrayList<>();
        for (String id : live) {
            int l = ctx.topology.indexOf(id);
            LocationState state = ctx.tracks[l].state();
            boolean evacuating = state == LocationState.EVACUATING || state == LocationState.EVACUATED;
            if (evacuating && ctx.wantedPlan().fraction(l, l) > TrafficPlan.DUST) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * The locations whose shift is decided and waits only for DNS: EVACUATING with a plan generation
     * to wait for, or shifted in this step (its publish is sent when the step ends, and with the API
     * known down for fallback-after its drop must not wait a tick for that); or EVACUATED with users
     * the wanted plan moves and DNS still sends home. The last are the evacuations whose receivers had
     * no ready room when they were decided: EVACUATED at once with nothing to publish, their users
     * moved as the receivers grew, and that move's publish failing left them at home, failing. One
     * still waiting for its receivers to grow is left alone: the engine has not moved its traffic
     * yet, and the data plane must not move it sooner.
     */
    static List<String> evacuating(StepContext ctx) {
        List<String> ids = new ArrayList<>();
        for (int l = 0; l < ctx.tracks.length; l++) {
            LocationTrack t = ctx.tracks[l];
            boolean waitsForDns = t.state() == LocationState.EVACUATING && (t.awaitingGeneration() > 0 || ctx.awaitsPublish(l))
                    || t.state() == LocationState.EVACUATED && movedButNotLive(ctx, l)
                    || t.state() == LocationState.RECOVERING && returnsBeforeItsStepIsLive(ctx, l);
            if (waitsForDns) {
                ids.add(ctx.id(l));
            }
        }
        return ids.stream().sorted().toList();
    }

    /**
     * True when {@code l} fails back while the data plane holds it out and its step is not live: released
     * now, the weights DNS holds (at home, when its move was never published) would send its whole
     * catchment home in one TTL, unchecked against its ready instances, and the step published later would
     * move most of it away again. It stays out until the weights carry the step.
     */
    private static boolean returnsBeforeItsStepIsLive(StepContext ctx, int l) {
        return ctx.fallback.live().contains(ctx.id(l)) && ctx.wantedPlan().generation() > ctx.liveGeneration;
    }

    /**
     * True when the wanted plan serves fewer of {@code l}'s users at home than DNS does: a generation
     * not confirmed live moved them. DNS's rows are the last confirmed plan's; with none confirmed
     * since the start, the plan is taken as at home there, which may drop a location whose weights
     * already keep it empty: that moves nobody.
     */
    private static boolean movedButNotLive(StepContext ctx, int l) {
        if (ctx.wantedPlan().generation() <= ctx.liveGeneration) {
            return false;
        }
        TrafficPlan held = ctx.fallback.inDns();
        double atHomeInDns = held == null ? 1.0 : held.fraction(l, l);
        return ctx.wantedPlan().fraction(l, l) < atHomeInDns - TrafficPlan.DUST;
    }
}
