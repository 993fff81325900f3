package houston.ha;

import houston.core.engine.DecisionEngine;
import houston.core.engine.DnsFallback;
import houston.core.engine.EngineState;
import houston.core.engine.LocationTrack;
import houston.core.model.LocationState;
import houston.core.model.TrafficPlan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state a newly elected leader continues from. Its own engine kept stepping as a follower
 * (same evidence, so its health windows are warm), but what it decided was never executed: DNS
 * and the previous leader's shared state are the truth for everything that was.
 *
 * <ul>
 *   <li>The plan is the live plan at the live generation: the next publish is a new generation,
 *       never one DNS already holds. If the warm plan has the same rows, its tracks are kept
 *       (a track awaiting a generation above the live one awaits the live one); otherwise the tracks restart from the
 *       live plan, as after a restart.</li>
 *   <li>Overrides (pins, freeze, expiry) are the previous leader's, and a location's open incident keeps
 *       the previous leader's id, so its Slack thread continues: unless this replica's own state holds an
 *       operator command the shared snapshot never saw (its journal's last command is later than the
 *       snapshot's tick: the ensemble lost its data, replicas were just switched on over a single daemon's
 *       journal, or this replica led last and its final write did not land). Then its own overrides and
 *       incident ids are the newer, and are kept.</li>
 *   <li>A publish block or pending retry of the follower's never-executed plan is dropped.</li>
 *   <li>While the previous leader's publishes were failing (the DNS API down), DNS is behind what was
 *       decided: the locations its data plane held out and since when publishes fail are the shared
 *       state's, so the new leader keeps them out; the warm plan (the follower stepped the same evidence)
 *       and its tracks are kept, at a generation above any the previous leader used, and published again
 *       at once. Restarting the tracks from DNS would see the evacuation as not decided and release the
 *       data plane: the location's users would come back to it until it was decided again. An evacuation
 *       whose row DNS already holds is live, not awaited again.</li>
 *   <li>DNS cannot be read (its API is down, reads included): the live plan is what the shared state
 *       knows of it ({@link #lastConfirmed}: the wanted plan, or the rows DNS confirmed); when that is not
 *       the whole plan (the previous leader wanted a generation DNS never confirmed), the warm plan is
 *       published again at once, as above.</li>
 * </ul>
 * Pure: no I/O, no clock.
 */
public final class WarmTakeover {

    private WarmTakeover() {
    }

    /**
     * The plan DNS holds as the shared state knows it, for a takeover that cannot read DNS: the
     * previous leader's wanted plan when DNS had confirmed it, or the rows DNS confirmed, at that
     * generation; {@code null} when DNS confirmed an older generation whose rows the shared state
     * does not hold, or nobody led yet.
     */
    public static TrafficPlan lastConfirmed(HaSnapshot shared, List<String> ids) {
        if (shared.epoch() == 0) {
            return null;
        }
        if (shared.generation() == shared.liveGeneration()) {
            return TrafficPlan.of(ids, shared.rows(), shared.liveGeneration());
        }
        return shared.liveRows().isEmpty() ? null : TrafficPlan.of(ids, shared.liveRows(), shared.liveGeneration());
    }

    /**
     * @param live       the plan DNS holds; {@code null} when it could not be read and the shared state does
     *                   not know it whole: DNS holds {@code shared.liveGeneration()}, rows unknown
     * @param commandsAt when this replica's own state last took an operator command (epoch ms; 0: never),
     *                   whether from its journal or from its own time as leader
     */
    public static EngineState resume(DecisionEngine engine, EngineState warm, TrafficPlan live, HaSnapshot shared,
                                     long commandsAt, Instant now) {
        boolean sharedIsNewer = shared.at() >= commandsAt;
        // What DNS holds, when known, is where a record dropped now sends its users (its floors), and which
        // evacuations are not live yet: a new leader that forgot it judged the data plane on rows DNS never held.
        boolean fromShared = sharedIsNewer && shared.epoch() > 0;
        DnsFallback fallback = new DnsFallback(fromShared ? shared.failingSince() : warm.dnsFallback().failingSince(),
                fromShared ? shared.fallback() : warm.dnsFallback().live(), null, 0, live, List.of(), 0);
        if (live == null || fallback.failingSince() > 0 && !warm.plan().sameRowsAs(live)) {
            long dnsGeneration = live == null ? shared.liveGeneration() : live.generation();
            return aheadOfDns(warm, live, dnsGeneration, shared, fallback, incidents(sharedIsNewer, shared), engine, now,
                    sharedIsNewer ? shared.overrides() : warm.overrides());
        }
        long liveGeneration = live.generation();
        List<LocationTrack> tracks = new ArrayList<>();
        List<LocationTrack> base = warm.plan().sameRowsAs(live) ? warm.tracks()
                : engine.initialState(now, live, liveGeneration).tracks();
        Map<String, String> incidents = incidents(sharedIsNewer, shared);
        List<String> ids = engine.topology().ids();
        for (int l = 0; l < base.size(); l++) {
            LocationTrack t = base.get(l);
            if (t.awaitingGeneration() > liveGeneration) {
                // The follower waited for its own, never-published generation; the rows are live at this one.
                t = t.awaiting(liveGeneration);
            }
            tracks.add(continuing(t, incidents.get(ids.get(l))));
        }
        return new EngineState(warm.tick(), warm.health(), warm.report(), tracks, live, liveGeneration, warm.demand(),
                warm.instances(), warm.requested(), warm.lastRelied(), sharedIsNewer ? shared.overrides() : warm.overrides(),
                warm.failStatic(), warm.recentEvacuations(), null, 0, fallback, warm.demandReadAt(), warm.demandTrend(),
                warm.scaleBackoff());
    }

    /** The track with the previous leader's id for its open incident, so its Slack thread continues. */
    private static LocationTrack continuing(LocationTrack t, String previous) {
        return previous != null && t.incident() != null ? t.withIncident(previous) : t;
    }

    private static Map<String, String> incidents(boolean sharedIsNewer, HaSnapshot shared) {
        return sharedIsNewer ? new HashMap<>(shared.incidents()) : Map.of();
    }

    /**
     * The warm plan and tracks, renumbered above every generation used so far and due for publishing now.
     * An evacuation whose row DNS already holds ({@code live}, null: not known) is live: it is not waited
     * for again, or the data plane would hold the location out and its evacuation be announced a second time.
     */
    private static EngineState aheadOfDns(EngineState warm, TrafficPlan live, long dnsGeneration, HaSnapshot shared,
                                          DnsFallback fallback, Map<String, String> incidents, DecisionEngine engine,
                                          Instant now, houston.core.engine.Overrides overrides) {
        long generation = Math.max(Math.max(shared.generation(), warm.plan().generation()), dnsGeneration) + 1;
        List<String> ids = engine.topology().ids();
        List<LocationTrack> tracks = new ArrayList<>();
        for (int l = 0; l < warm.tracks().size(); l++) {
            LocationTrack t = warm.track(l);
            if (t.state() == LocationState.EVACUATING && live != null && sameRow(warm.plan().row(l), live.row(l))) {
                t = t.enter(LocationState.EVACUATED, now.toEpochMilli()).awaiting(0);
            } else if (t.awaitingGeneration() > 0) {
                t = t.awaiting(generation);
            }
            tracks.add(continuing(t, incidents.get(ids.get(l))));
        }
        return new EngineState(warm.tick(), warm.health(), warm.report(), tracks, warm.plan().atGeneration(generation),
                dnsGeneration, warm.demand(), warm.instances(), warm.requested(), warm.lastRelied(), overrides,
                warm.failStatic(), warm.recentEvacuations(), null, now.toEpochMilli(), fallback, warm.demandReadAt(), warm.demandTrend(),
                warm.scaleBackoff());
    }

    /** True when two rows are the same at the resolution DNS holds them (weights of 255). */
    private static boolean sameRow(double[] a, double[] b) {
        for (int s = 0; s < a.length; s++) {
            if (Math.abs(a[s] - b[s]) > 0.5 / 255) {
                return false;
            }
        }
        return true;
    }

    /** Location → open incident, as the leader's engine holds them (written into the shared state). */
    public static Map<String, String> incidents(DecisionEngine engine, EngineState state) {
        Map<String, String> open = new HashMap<>();
        List<String> ids = engine.topology().ids();
        for (int l = 0; l < ids.size(); l++) {
            String incident = state.track(l).incident();
            if (incident != null) {
                open.put(ids.get(l), incident);
            }
        }
        return open;
    }
}
