package houston.core.engine;

import houston.core.plan.Placement;
import houston.core.plan.ReceiverShare;

import java.util.function.Function;

/**
 * Receiver choice weighs against a location that was itself evacuated lately: one that failed
 * back less than {@link FlapDamping#RELAPSE_WINDOW_MS} ago is the likeliest to fail again (a
 * brownout alternating between neighbours sent eu-west-1's users to eu-west-2 just before
 * eu-west-2 browned out, and moved them all again). It is passed over only when the steady
 * receivers take as much and are comparably near; else it is used as before.
 */
final class SteadyReceivers {

    /**
     * How much farther (request-weighted) the steady receivers may be and still count as comparable:
     * from Dublin, Frankfurt (1,090 km) instead of London (464 km) is one, Virginia is not.
     */
    static final double COMPARABLE_DISTANCE = 2.5;

    private SteadyReceivers() {
    }

    /**
     * {@code placeOn(eligible)}, or, when some of those were evacuated lately, {@code placeOn} the
     * others if that places as much at most {@link #COMPARABLE_DISTANCE} times as far from {@code l}.
     */
    static Placement prefer(StepContext ctx, int l, boolean[] eligible, Function<boolean[], Placement> placeOn) {
        Placement all = placeOn.apply(eligible);
        boolean[] steady = eligible.clone();
        boolean passedOver = false;
        for (int r = 0; r < steady.length; r++) {
            if (steady[r] && lately(ctx, r) && usedBy(ctx, all, r)) {
                steady[r] = false;
                passedOver = true;
            }
        }
        if (!passedOver) {
            return all;
        }
        Placement other = placeOn.apply(steady);
        boolean asMuch = !other.receivers().isEmpty() && other.placedFraction() >= all.placedFraction() - 1e-9;
        return asMuch && distance(ctx, l, other) <= COMPARABLE_DISTANCE * distance(ctx, l, all) ? other : all;
    }

    /** True when {@code r} completed a fail-back less than the relapse window ago. */
    static boolean lately(StepContext ctx, int r) {
        long restoredAt = ctx.tracks[r].restoredAt();
        return restoredAt > 0 && ctx.now - restoredAt < FlapDamping.RELAPSE_WINDOW_MS;
    }

    private static boolean usedBy(StepContext ctx, Placement p, int r) {
        return p.receivers().stream().anyMatch(s -> s.location().equals(ctx.id(r)));
    }

    /** Request-weighted distance from {@code l} of what {@code p} places. */
    private static double distance(StepContext ctx, int l, Placement p) {
        double weighted = 0;
        double placed = 0;
        for (ReceiverShare s : p.receivers()) {
            weighted += s.fraction() * ctx.topology.distance(l, ctx.topology.indexOf(s.location()));
            placed += s.fraction();
        }
        return placed <= 0 ? 0 : weighted / placed;
    }
}
