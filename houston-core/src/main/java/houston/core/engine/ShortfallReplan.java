package houston.core.engine;

import houston.core.model.LocationState;
import houston.core.model.TrafficPlan;
import houston.core.plan.Placement;

import java.util.List;
import java.util.Locale;

/**
 * Places again what an evacuation could not: the capacity shortfall its row keeps on the evacuated
 * location itself. When the evacuation was decided, every receiver below its maximum may have been
 * full or not eligible (suspect for a moment, as on a loaded machine); the row then keeps the rest
 * home, and neither completing the shift (nothing waits: the row is reached) nor moving back nearer
 * (which moves only what is already away) ever looks at it again, so those users stayed on a dead
 * location for as long as the evacuation lasted, and a new leader starting from that plan in DNS
 * kept it too. Every tick the location stays evacuated, the shortfall is offered to the eligible
 * receivers by their maximum, as a receiver that stops receiving is drained
 * ({@link ReceiverDrain#moveOff}): they are asked to pre-scale, what their ready instances take
 * moves now and the rest follows once they are ready. O(locations²) per evacuated location with a
 * shortfall and tick; nothing when there is none.
 */
final class ShortfallReplan {

    private final ReceiverDrain drain;

    ShortfallReplan(ReceiverDrain drain) {
        this.drain = drain;
    }

    /**
     * Re-plans evacuated {@code l}'s shortfall when its evacuation still stands ({@code stands}: still
     * not good, or pinned evacuated) and a receiver has room; true when something was placed.
     */
    boolean apply(StepContext ctx, int l, boolean stands) {
        LocationTrack t = ctx.tracks[l];
        double[] evacuation = t.evacuationRow();
        if (!stands || t.state() != LocationState.EVACUATED || evacuation == null || evacuation[l] <= TrafficPlan.DUST) {
            return false;
        }
        double shortfall = evacuation[l];
        double[] before = ctx.row(l);
        Placement p = drain.moveOff(ctx, l, l);
        if (p.receivers().isEmpty() || p.placedFraction() <= 0) {
            return false;
        }
        // Placed, but with no ready room to move into yet nothing shifts: a scale update, as for a drain.
        DecisionKind kind = ReadyRoom.changed(before, ctx.row(l)) ? DecisionKind.TRAFFIC_SHIFTING
                : DecisionKind.SCALE_UPDATE;
        ctx.notify(l, kind, String.format(Locale.ROOT,
                "%s's capacity shortfall re-planned: %.0f%% of its users that found no receiver go to %s; "
                        + "what ready instances take moves now, the rest once the receivers are ready",
                ctx.id(l), shortfall * 100, TrafficMover.describe(p)), List.of(p), List.of());
        return true;
    }
}
