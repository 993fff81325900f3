package houston.core.engine;

import houston.core.config.HysteresisConfig;
import houston.core.model.LocationState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HEALTHY → SUSPECT → EVACUATING → EVACUATED → RECOVERING → HEALTHY, one location per call.
 *
 * <p>Hysteresis: a location goes down when its score has been below {@code down} for
 * {@code downHold}, and starts back only when it has been at or above the higher {@code up} for
 * the longer {@code upHold}. A score that is unknown (too few voters with evidence) changes
 * nothing: no evidence is not good news. Pins and restore requests from operators take
 * precedence over scores; freeze and fail-static stop automatic moves only.
 */
final class LocationStateMachine {

    private final HysteresisConfig h;
    private final SafetyPolicy safety;
    private final TrafficMover mover;
    private final Reconsolidation nearer;
    private final ShortfallReplan shortfall;
    private final EvacuationStart start;

    LocationStateMachine(HysteresisConfig hysteresis, SafetyPolicy safety, TrafficMover mover, Reconsolidation nearer,
                         ShortfallReplan shortfall) {
        this.h = hysteresis;
        this.safety = safety;
        this.mover = mover;
        this.nearer = nearer;
        this.shortfall = shortfall;
        this.start = new EvacuationStart(hysteresis, safety, mover);
    }

    void advance(StepContext ctx, int l) {
        double score = ctx.report.score(l);
        boolean known = !Double.isNaN(score);
        boolean bad = known && score < h.downThreshold();
        boolean good = known && score >= h.upThreshold();
        LocationTrack t = ctx.tracks[l];
        long badSince = bad ? (t.badSince() < 0 ? ctx.now : t.badSince()) : known ? -1 : t.badSince();
        long goodSince = good ? (t.goodSince() < 0 ? ctx.now : t.goodSince()) : known ? -1 : t.goodSince();
        boolean degraded = bad && score > h.deadThreshold();
        long degradedSince = degraded ? (t.degradedSince() < 0 ? ctx.now : t.degradedSince()) : known ? -1
                : t.degradedSince();
        // Unlike the score's clocks, no evidence is no agreement: a minute of unanimity is a minute of votes.
        boolean unanimous = bad && SafetyPolicy.everyVantageAgrees(ctx, l);
        long unanimousSince = unanimous ? (t.unanimousSince() < 0 ? ctx.now : t.unanimousSince()) : -1;
        ctx.tracks[l] = t.withEvidence(badSince, goodSince, degradedSince).withUnanimousSince(unanimousSince);
        PinTarget pin = ctx.overrides.pin(ctx.id(l));
        switch (t.state()) {
            case HEALTHY -> healthy(ctx, l, pin, bad, score);
            case SUSPECT -> suspect(ctx, l, pin, bad, good, score);
            case EVACUATING -> evacuating(ctx, l, pin, good, score);
            case EVACUATED -> evacuated(ctx, l, pin, good, known);
            case RECOVERING -> recovering(ctx, l, pin, bad, good, score);
        }
    }

    private void healthy(StepContext ctx, int l, PinTarget pin, boolean bad, double score) {
        if (pin == PinTarget.EVACUATED) {
            start.manual(ctx, l);
        } else if (bad) {
            // The incident (one Slack thread) opens with the suspicion, so the thread tells the whole story.
            ctx.tracks[l] = ctx.tracks[l].enter(LocationState.SUSPECT, ctx.now).withIncident(ctx.newIncident(l));
            ctx.notify(l, DecisionKind.SUSPECTED, String.format(Locale.ROOT, "%s suspect: score %.2f below %.2f (%s)",
                    ctx.id(l), score, h.downThreshold(), agreeing(ctx, l)), List.of(), List.of());
        }
    }

    private void suspect(StepContext ctx, int l, PinTarget pin, boolean bad, boolean good, double score) {
        LocationTrack t = ctx.tracks[l];
        if (pin == PinTarget.EVACUATED) {
            start.manual(ctx, l);
        } else if (good && ctx.now - t.goodSince() >= h.upHold().toMillis()) {
            // Cleared only at the up threshold and only once it has held for up-hold: a score
            // flickering below the down threshold now and then (a grey failure building up, a
            // location flapping under a hold) stays one SUSPECT incident instead of a thread, and
            // a page, per flicker.
            ctx.notify(l, DecisionKind.CLEARED, String.format(Locale.ROOT, "%s cleared: score back to %.2f",
                    ctx.id(l), score), List.of(), List.of());
            ctx.tracks[l] = t.closed(ctx.now);
        } else if (bad && pin != PinTarget.HEALTHY && ctx.now - t.badSince() >= h.downHold().toMillis()) {
            String why = String.format(Locale.ROOT, "score %.2f below %.2f for %ds (%s)", score, h.downThreshold(),
                    (ctx.now - t.badSince()) / 1000, agreeing(ctx, l));
            start.whenBad(ctx, l, score, why);
        }
    }

    private void evacuating(StepContext ctx, int l, PinTarget pin, boolean good, double score) {
        LocationTrack t = ctx.tracks[l];
        if (t.awaitingGeneration() == 0) {
            if (pin == PinTarget.HEALTHY || t.restoreRequested()) {
                mover.cancel(ctx, l, "operator restored it");
            } else if (good && pin != PinTarget.EVACUATED && ctx.now - t.goodSince() >= h.upHold().toMillis()) {
                // A lucky tick of a failing location must not cancel: it takes the evidence that would
                // bring it back (good for up-hold). Nothing moved, so it does not count against the
                // evacuation rate limit.
                ctx.recentEvacuations.remove(Long.valueOf(t.since()));
                mover.cancel(ctx, l, String.format(Locale.ROOT, "score recovered to %.2f for %ds", score,
                        (ctx.now - t.goodSince()) / 1000));
            } else {
                start.shiftIfReady(ctx, l, score);
            }
        } else if (ctx.liveGeneration >= t.awaitingGeneration()) {
            ctx.tracks[l] = t.enter(LocationState.EVACUATED, ctx.now).awaiting(0);
            // The generation live may be newer than the one the shift first waited for: name what DNS holds.
            ctx.notify(l, DecisionKind.TRAFFIC_SHIFTED, ctx.id(l) + " evacuated: plan generation "
                    + ctx.liveGeneration + " is live in DNS", List.of(), List.of());
        } else if (DataPlaneReturn.applies(ctx, l) && (pin == PinTarget.HEALTHY || t.restoreRequested() || good
                && pin != PinTarget.EVACUATED && ctx.now - t.goodSince() >= FlapDamping.upHoldMillis(h, t)
                && safety.automationAllowed(ctx))) {
            DataPlaneReturn.bringBack(ctx, l, pin == PinTarget.HEALTHY || t.restoreRequested() ? "operator restored it"
                    : "good for " + (ctx.now - t.goodSince()) / 1000 + "s");
        } else if (completeWaiting(ctx, l, pin, good)) {
            // The publish is still failing (the DNS API is down): the plan it retries is brought up to
            // date, so the API's return publishes the plan wanted now, not an interim one moved twice.
            ctx.awaitPublish(l);
        }
    }

    /**
     * Moves what waited for {@code l}'s receivers once they are ready (or past their pre-scale
     * deadline), and while they grow as far as their ready room takes it, unless {@code l} is good
     * again; true when that was tried (while they grow: when something moved).
     */
    private boolean completeWaiting(StepContext ctx, int l, PinTarget pin, boolean good) {
        LocationTrack t = ctx.tracks[l];
        boolean timedOut = !t.awaitingReady().isEmpty() && ctx.now >= t.prescaleDeadline();
        if (timedOut) {
            // Receivers that never grew are planned on what they run; others are found for the rest.
            mover.receiversTimedOut(ctx, l);
            t = ctx.tracks[l];
        }
        if ((!good || pin == PinTarget.EVACUATED) && WaitingShare.waiting(ctx, l) > 1e-9) {
            if (t.awaitingReady().isEmpty()) {
                WaitingShare.completeShift(ctx, l, timedOut);
                return true;
            }
            // Still scaling: a steadily degraded location's users move as ready room takes them as the
            // receivers grow, not when the last is ready, in chunks of at least GROWING_STEP of what waits.
            return DegradedMove.whileGrowing(ctx, l) && WaitingShare.completeShift(ctx, l, false);
        }
        return false;
    }

    private void evacuated(StepContext ctx, int l, PinTarget pin, boolean good, boolean known) {
        // Part of a dead location's traffic waited for its receivers: move it once they are ready,
        // unless the location has come back meanwhile (then fail-back takes it from here).
        if (completeWaiting(ctx, l, pin, good)) {
            return;
        }
        LocationTrack t = ctx.tracks[l];
        if (pin != PinTarget.EVACUATED && (pin == PinTarget.HEALTHY || t.restoreRequested())) {
            Failback.step(ctx, l, 0, "operator override");
        } else if (pin != PinTarget.EVACUATED && good && ctx.now - t.goodSince() >= FlapDamping.upHoldMillis(h, t)
                && safety.automationAllowed(ctx)) {
            Failback.step(ctx, l, 0, "good for " + (ctx.now - t.goodSince()) / 1000 + "s"
                    + (t.relapses() > 0 ? " (up-hold " + FlapDamping.upHoldMillis(h, t) / 1000 + "s after relapses: doubled "
                    + t.relapses() + " times)" : ""));
        } else if (!shortfall.apply(ctx, l, pin == PinTarget.EVACUATED || known && !good)) {
            // Staying evacuated (for now or for good): users its evacuation could not place leave it as
            // soon as a receiver has room (completing a decided evacuation, as the drain does, so neither
            // freeze nor fail-static holds it), and the others should be as near home as capacity lets them.
            if (safety.automationAllowed(ctx)) {
                nearer.apply(ctx, l);
            } else if (ctx.overrides.frozen(ctx.now)) {
                nearer.announceHeld(ctx, l, safety.holdAutomatic(ctx, l));
            }
        }
    }

    private void recovering(StepContext ctx, int l, PinTarget pin, boolean bad, boolean good, double score) {
        LocationTrack t = ctx.tracks[l];
        boolean lastStep = t.failbackStep() >= ctx.config.failback().steps().size() - 1;
        if (lastStep && ctx.liveGeneration >= t.awaitingGeneration()) {
            Failback.restored(ctx, l);
            return;
        }
        if (t.awaitingGeneration() > 0 && ctx.liveGeneration >= t.awaitingGeneration()) {
            // The step is live: its hold starts now. Told, as the step was told as wanted: users are
            // served at home from now, and the next step (or the abort) comes a hold later.
            t = t.enter(LocationState.RECOVERING, ctx.now).awaiting(0);
            ctx.tracks[l] = t;
            ctx.notify(l, DecisionKind.FAILBACK_STEP, String.format(Locale.ROOT, "%s failing back: %s of its catchment "
                    + "served at home now (plan generation %d live in DNS); the next step after %ds with a good score",
                    ctx.id(l), TrafficMover.percent(ctx.config.failback().steps().get(t.failbackStep())),
                    ctx.liveGeneration, stepHoldMillis(ctx) / 1000), List.of(), List.of());
        }
        boolean forced = pin == PinTarget.HEALTHY || t.restoreRequested();
        if (pin == PinTarget.EVACUATED) {
            Failback.abort(ctx, l, "operator pinned it evacuated");
        } else if (bad && !forced && !ctx.failStatic) {
            // Under fail-static the observers whose word made it bad are suspect: it keeps its step, and is
            // aborted once fail-static ends if it is still bad. (A freeze holds new moves, not this retreat.)
            Failback.abort(ctx, l, String.format(Locale.ROOT, "score dropped to %.2f (%s)", score, agreeing(ctx, l)));
            ctx.tracks[l] = FlapDamping.aborted(ctx.tracks[l]);
        } else if (t.awaitingGeneration() == 0 && ctx.now - t.since() >= stepHoldMillis(ctx)
                && (forced || (good && safety.automationAllowed(ctx)))) {
            Failback.step(ctx, l, t.failbackStep() + 1, forced ? "operator override" : "step held "
                    + (ctx.now - t.since()) / 1000 + "s with a good score");
        }
    }

    private static long stepHoldMillis(StepContext ctx) {
        return ctx.config.failback().stepHold().toMillis();
    }

    private static String agreeing(StepContext ctx, int l) {
        var evidence = ctx.report.location(l);
        List<String> parts = new ArrayList<>();
        parts.add(evidence.agreeing().size() + " of " + evidence.byVoter().size() + " voters agree: "
                + String.join(", ", evidence.agreeing()));
        if (!evidence.discounted().isEmpty()) {
            parts.add("discounted: " + String.join(", ", evidence.discounted()));
        }
        return String.join("; ", parts);
    }
}
