package houston.core.engine;

import houston.core.model.LocationState;
import houston.core.model.TrafficPlan;

import java.util.List;

/**
 * The engine's memory of one location. Immutable; the {@code with…} methods return changed copies.
 *
 * @param state            where the location is in its life cycle
 * @param since            when it entered that state (epoch ms)
 * @param badSince         since when its score has been continuously bad, or -1
 * @param goodSince        since when its score has been continuously good, or -1
 * @param incident         the incident (Slack thread) it belongs to, or null
 * @param evacuationRow    its catchment's row while evacuated (fail-back steps blend towards home from it), or null
 * @param failbackStep     index into the fail-back steps while RECOVERING, else -1
 * @param awaitingGeneration plan generation whose publication this location waits for, or 0
 * @param awaitingReady    receivers whose pre-scale it waits for before shifting
 * @param prescaleDeadline when it stops waiting for pre-scales (epoch ms), or 0
 * @param restoreRequested an operator asked for fail-back now
 * @param heldReasons      the distinct reasons its evacuation was held for in this incident, each reported
 *                         once (kept until the incident closes, so a flapping hold does not page again)
 * @param relapses         how often it failed again during or soon after a fail-back ({@link FlapDamping}); kept
 *                         across incidents
 * @param restoredAt       when its last fail-back completed (epoch ms), or 0
 * @param movedNearerAt    when its evacuated catchment was last moved back nearer ({@link Reconsolidation}), or 0
 * @param cancelled        its last evacuation ended cancelled before any traffic moved, not restored through the
 *                         fail-back steps ({@link FlapDamping} counts a relapse after it once, not twice)
 * @param degradedSince    since when its score has been continuously bad but above dead, or -1 ({@link DegradedMove})
 * @param overloadedAt     when it was last seen overloaded by its own users ({@link OwnOverload}), or 0
 * @param unanimousSince   since when a quorum of vantages have had evidence on it and every one has judged it bad,
 *                         with no voter suspect, or -1 ({@link SafetyPolicy#unanimousVerdict})
 */
public record LocationTrack(
        LocationState state,
        long since,
        long badSince,
        long goodSince,
        String incident,
        double[] evacuationRow,
        int failbackStep,
        long awaitingGeneration,
        List<String> awaitingReady,
        long prescaleDeadline,
        boolean restoreRequested,
        List<String> heldReasons,
        int relapses,
        long restoredAt,
        long movedNearerAt,
        boolean cancelled,
        long degradedSince,
        long overloadedAt,
        long unanimousSince) {

    public LocationTrack {
        awaitingReady = List.copyOf(awaitingReady);
        heldReasons = heldReasons == null ? List.of() : List.copyOf(heldReasons);
        // Kept as exact as the plan's rows, so that comparing the two (what still waits) sees no dust.
        evacuationRow = evacuationRow == null ? null : TrafficPlan.exactRow("evacuation", evacuationRow);
    }

    public static LocationTrack healthy(long now) {
        return new LocationTrack(LocationState.HEALTHY, now, -1, -1, null, null, -1, 0, List.of(), 0, false, List.of(), 0,
                0, 0, false, -1, 0, -1);
    }

    public LocationTrack enter(LocationState newState, long now) {
        return new LocationTrack(newState, now, badSince, goodSince, incident, evacuationRow, failbackStep,
                awaitingGeneration, awaitingReady, prescaleDeadline, restoreRequested, heldReasons, relapses, restoredAt,
                movedNearerAt, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    /** Since when its score has been continuously bad, good, and bad but above dead (epoch ms, or -1). */
    public LocationTrack withEvidence(long newBadSince, long newGoodSince, long newDegradedSince) {
        return new LocationTrack(state, since, newBadSince, newGoodSince, incident, evacuationRow, failbackStep,
                awaitingGeneration, awaitingReady, prescaleDeadline, restoreRequested, heldReasons, relapses, restoredAt,
                movedNearerAt, cancelled, newDegradedSince, overloadedAt, unanimousSince);
    }

    /** Since when every vantage has judged it bad (epoch ms), or -1. */
    public LocationTrack withUnanimousSince(long from) {
        return from == unanimousSince ? this : new LocationTrack(state, since, badSince, goodSince, incident,
                evacuationRow, failbackStep, awaitingGeneration, awaitingReady, prescaleDeadline, restoreRequested,
                heldReasons, relapses, restoredAt, movedNearerAt, cancelled, degradedSince, overloadedAt, from);
    }

    public LocationTrack withEvacuation(String newIncident, double[] row, List<String> ready, long deadline) {
        return new LocationTrack(state, since, badSince, goodSince, newIncident, row, -1, 0, ready, deadline,
                false, heldReasons, relapses, restoredAt,
                movedNearerAt, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    /** Opens an incident (one Slack thread) for this location, e.g. when it becomes suspect. */
    public LocationTrack withIncident(String newIncident) {
        return new LocationTrack(state, since, badSince, goodSince, newIncident, evacuationRow, failbackStep,
                awaitingGeneration, awaitingReady, prescaleDeadline, restoreRequested, heldReasons, relapses, restoredAt,
                movedNearerAt, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    public LocationTrack withEvacuationRow(double[] row) {
        return new LocationTrack(state, since, badSince, goodSince, incident, row, failbackStep,
                awaitingGeneration, awaitingReady, prescaleDeadline, restoreRequested, heldReasons, relapses, restoredAt,
                movedNearerAt, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    public LocationTrack withFailbackStep(int step) {
        return new LocationTrack(state, since, badSince, goodSince, incident, evacuationRow, step,
                awaitingGeneration, awaitingReady, prescaleDeadline, false, heldReasons, relapses, restoredAt,
                movedNearerAt, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    public LocationTrack awaiting(long generation) {
        return new LocationTrack(state, since, badSince, goodSince, incident, evacuationRow, failbackStep,
                generation, awaitingReady, prescaleDeadline, restoreRequested, heldReasons, relapses, restoredAt,
                movedNearerAt, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    public LocationTrack withAwaitingReady(List<String> ready) {
        return new LocationTrack(state, since, badSince, goodSince, incident, evacuationRow, failbackStep,
                awaitingGeneration, ready, prescaleDeadline, restoreRequested, heldReasons, relapses, restoredAt,
                movedNearerAt, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    /** Waits for {@code ready} receivers until {@code deadline} (epoch ms). */
    public LocationTrack withAwaitingReady(List<String> ready, long deadline) {
        return new LocationTrack(state, since, badSince, goodSince, incident, evacuationRow, failbackStep,
                awaitingGeneration, ready, deadline, restoreRequested, heldReasons, relapses, restoredAt,
                movedNearerAt, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    public LocationTrack withRestoreRequested(boolean requested) {
        return new LocationTrack(state, since, badSince, goodSince, incident, evacuationRow, failbackStep,
                awaitingGeneration, awaitingReady, prescaleDeadline, requested, heldReasons, relapses, restoredAt,
                movedNearerAt, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    /** Records that the hold {@code reason} (its stable part) was reported in this incident. */
    public LocationTrack withHeldReason(String reason) {
        List<String> reasons = new java.util.ArrayList<>(heldReasons);
        reasons.add(reason);
        return new LocationTrack(state, since, badSince, goodSince, incident, evacuationRow, failbackStep,
                awaitingGeneration, awaitingReady, prescaleDeadline, restoreRequested, reasons, relapses, restoredAt,
                movedNearerAt, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    /** One more relapse at {@code now} (see {@link FlapDamping}). */
    public LocationTrack relapsed(int count) {
        return new LocationTrack(state, since, badSince, goodSince, incident, evacuationRow, failbackStep,
                awaitingGeneration, awaitingReady, prescaleDeadline, restoreRequested, heldReasons, count, restoredAt,
                movedNearerAt, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    /** Back to plain HEALTHY, incident closed; an evacuation that ends here is a completed fail-back. */
    public LocationTrack closed(long now) {
        return closed(now, false);
    }

    /** Back to plain HEALTHY, incident closed; an evacuation that ends here was {@code wasCancelled} or restored. */
    public LocationTrack closed(long now, boolean wasCancelled) {
        boolean ended = incident != null && evacuationRow != null;
        boolean cancelled = ended ? wasCancelled : this.cancelled;
        return new LocationTrack(LocationState.HEALTHY, now, badSince, goodSince, null, null, -1, 0, List.of(), 0,
                false, List.of(), relapses, ended ? now : restoredAt, 0, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    /** Its evacuated catchment was moved back nearer at {@code now} (epoch ms). */
    public LocationTrack movedNearer(long now) {
        return new LocationTrack(state, since, badSince, goodSince, incident, evacuationRow, failbackStep,
                awaitingGeneration, awaitingReady, prescaleDeadline, restoreRequested, heldReasons, relapses, restoredAt,
                now, cancelled, degradedSince, overloadedAt, unanimousSince);
    }

    /** It was seen overloaded by its own users at {@code now} (epoch ms). */
    public LocationTrack overloaded(long now) {
        return new LocationTrack(state, since, badSince, goodSince, incident, evacuationRow, failbackStep,
                awaitingGeneration, awaitingReady, prescaleDeadline, restoreRequested, heldReasons, relapses, restoredAt,
                movedNearerAt, cancelled, degradedSince, now, unanimousSince);
    }
}
