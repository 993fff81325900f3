package houston.core.engine;

import houston.core.config.HysteresisConfig;

import java.util.List;
import java.util.Locale;

/**
 * Starts a location's evacuation: the one its score asks for once bad for {@code downHold}, and
 * the one an operator's pin asks for, each unless something holds it back. Decided, its traffic
 * shifts at once when the location is dead or its receivers can take it, and otherwise waits for
 * them to grow.
 */
final class EvacuationStart {

    private final HysteresisConfig h;
    private final SafetyPolicy safety;
    private final TrafficMover mover;

    EvacuationStart(HysteresisConfig hysteresis, SafetyPolicy safety, TrafficMover mover) {
        this.h = hysteresis;
        this.safety = safety;
        this.mover = mover;
    }

    /**
     * {@code l}'s score has been bad for {@code downHold} ({@code why}): evacuates it, unless a
     * safety limit holds it back (passed only on unanimous evidence) or its users fail from its own
     * overload.
     */
    void whenBad(StepContext ctx, int l, double score, String why) {
        String hold = safety.holdAutomatic(ctx, l);
        String beyond = hold == null ? safety.limitsPassed(ctx) : null;
        String verdict = beyond != null ? SafetyPolicy.unanimousVerdict(ctx, l) : null;
        String overload = hold == null ? OwnOverload.hold(ctx, l, score, h.deadThreshold()) : null;
        if (overload != null) {
            OwnOverload.tell(ctx, l, overload, why);
            return;
        }
        if (hold == null) {
            hold = mover.decide(ctx, l, true, why, List.of());
        }
        if (hold == null) {
            if (beyond != null) {
                ctx.alert(AlertKind.SAFETY_LIMIT_PASSED, l, DecisionKind.EVACUATION_DECIDED, ctx.id(l)
                        + " evacuated beyond " + beyond + ": every vantage calls it "
                        + verdict + " (" + why + "); restore it or pin it healthy if that is wrong");
            }
            ctx.tracks[l] = FlapDamping.evacuated(ctx.tracks[l], ctx.now);
            shiftIfReady(ctx, l, score);
        } else {
            held(ctx, l, hold, ctx.id(l) + " is bad (" + why + ") but its evacuation is held back: " + hold);
        }
    }

    /**
     * Reports a held evacuation once per distinct reason per incident. Fail-static, which every bad
     * location shares, was paged once already by its own alert: here it is only told in the
     * location's thread.
     */
    private static void held(StepContext ctx, int l, String hold, String message) {
        String reason = SafetyPolicy.reasonKey(hold);
        if (ctx.tracks[l].heldReasons().contains(reason)) {
            return;
        }
        ctx.tracks[l] = ctx.tracks[l].withHeldReason(reason);
        if (SafetyPolicy.isGlobal(hold)) {
            ctx.notify(l, DecisionKind.EVACUATION_HELD, message, List.of(), List.of());
        } else {
            ctx.alert(AlertKind.EVACUATION_HELD, l, DecisionKind.EVACUATION_HELD, message);
        }
    }

    /** An operator pinned {@code l} evacuated: evacuates it now, unless something holds it back. */
    void manual(StepContext ctx, int l) {
        var pin = ctx.overrides.pins().get(ctx.id(l));
        String hold = safety.holdManual(ctx, l);
        if (hold == null) {
            hold = mover.decide(ctx, l, false, "operator " + pin.by() + " asked (" + pin.reason() + ")", List.of());
        }
        if (hold != null) {
            held(ctx, l, hold, ctx.id(l) + " pinned evacuated by " + pin.by() + " but held back: " + hold);
            return;
        }
        // An operator's evacuation does not wait for pre-scales: they asked for it now.
        mover.shift(ctx, l, "operator override");
    }

    /** Shifts at once when dead or when every receiver is ready; else waits until the pre-scale deadline. */
    void shiftIfReady(StepContext ctx, int l, double score) {
        LocationTrack t = ctx.tracks[l];
        if (score <= h.deadThreshold()) {
            mover.shift(ctx, l, String.format(Locale.ROOT, "dead (score %.2f): shifting at once, receivers scale in parallel", score));
        } else if (t.awaitingReady().isEmpty()) {
            mover.shift(ctx, l, "receivers have the capacity");
        } else if (TrafficMover.readyCapacityHoldsAll(ctx, l)) {
            // The plan fills the nearest receiver up to its maximum, so it nearly always asks for a
            // pre-scale; waiting for it while the nearest few already hold every user on what they
            // run would keep those users on a failing location for the lead time.
            mover.shift(ctx, l, "the nearest receivers' ready instances hold it now; the nearest takes it over once "
                    + "grown");
        } else if (ctx.now >= t.prescaleDeadline()) {
            mover.receiversTimedOut(ctx, l);
            mover.shift(ctx, l, "pre-scale timeout: receivers not ready (" + String.join(", ", t.awaitingReady())
                    + "), shifting what their ready instances carry");
        } else if (DegradedMove.atOnce(ctx, l)) {
            // Waiting out the lead time keeps every user on a location that fails some of them; the
            // receivers' ready room (filled no further than how bad it is warrants) takes part of
            // them now, and the rest follows as the receivers grow (completeWaiting). Not before its
            // score has been bad for a whole window (a blip, a flap's first seconds), nor once it no
            // longer is: that wait is for the up-hold to cancel it.
            mover.shift(ctx, l, String.format(Locale.ROOT, "degraded (score %.2f): shifting now what the receivers' "
                    + "ready instances take, the rest as they grow", score));
        }
    }
}
