package houston.ha;

import houston.core.config.EngineConfig;
import houston.core.engine.DecisionEngine;
import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.DnsFallback;
import houston.core.engine.Inputs;
import houston.core.engine.Step;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.engine.LocationTrack;
import houston.core.engine.EngineState;
import houston.core.engine.Overrides;
import houston.core.engine.PinTarget;
import houston.core.model.CapacityModel;
import houston.core.model.GeoPoint;
import houston.core.model.Location;
import houston.core.model.LocationState;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmTakeoverTest {

    private static final Topology TOPOLOGY = Topology.greatCircle(List.of(location("lab-a", 1), location("lab-b", 2)));
    private static final DecisionEngine ENGINE = new DecisionEngine(EngineConfig.defaults(), TOPOLOGY);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final TrafficPlan EVACUATED = TrafficPlan.of(TOPOLOGY.ids(), Map.of("lab-a", Map.of("lab-b", 1.0)), 4);
    private static final Overrides PINNED = Overrides.NONE.withPin("lab-a",
            new Overrides.PinOverride(PinTarget.EVACUATED, NOW.toEpochMilli() + 60_000, "ops", "keep it out"));
    /** Written a minute ago; this replica's journal took its last operator command an hour ago. */
    private static final long SNAPSHOT_AT = NOW.toEpochMilli() - 60_000;
    private static final long JOURNAL_COMMAND_AT = NOW.toEpochMilli() - 3_600_000;
    private static final HaSnapshot SHARED = new HaSnapshot("replica-1", 3, 0, SNAPSHOT_AT, PINNED, Map.of("lab-a", "lab-a@incident-1"),
            Map.of("lab-a@incident-1", "1700.01"), 5, 4, EVACUATED.toMap());

    private static Location location(String id, double longitude) {
        return new Location(id, id, new GeoPoint(0, longitude), List.of("192.0.2.1"), 100,
                new CapacityModel(2, 100, 1, 4, 0.5, Duration.ofMinutes(1)));
    }

    private static EngineState withOverrides(EngineState s, Overrides overrides) {
        return new EngineState(s.tick(), s.health(), s.report(), s.tracks(), s.plan(), s.liveGeneration(), s.demand(),
                s.instances(), s.requested(), s.lastRelied(), overrides, s.failStatic(), s.recentEvacuations(),
                s.publishBlocked(), s.retryPublishAt());
    }

    private static EngineState blocked(EngineState s) {
        return new EngineState(s.tick(), s.health(), s.report(), s.tracks(), s.plan(), s.liveGeneration(), s.demand(),
                s.instances(), s.requested(), s.lastRelied(), s.overrides(), s.failStatic(), s.recentEvacuations(),
                "lost DNS ownership", 99);
    }

    @Test
    void aFollowerThatSawTheSameRowsKeepsItsTracksAndTakesTheLiveGenerationPinsAndIncidentIds() throws Exception {
        EngineState warm = blocked(ENGINE.initialState(NOW, EVACUATED.atGeneration(7), 2));

        EngineState resumed = WarmTakeover.resume(ENGINE, warm, EVACUATED, SHARED, JOURNAL_COMMAND_AT, NOW);

        assertEquals(EVACUATED, resumed.plan());
        assertEquals(4, resumed.liveGeneration());
        assertEquals(PinTarget.EVACUATED, resumed.overrides().pin("lab-a"));
        assertEquals("lab-a@incident-1", resumed.track(0).incident());
        assertEquals(LocationState.EVACUATED, resumed.track(0).state());
        assertNull(resumed.publishBlocked());
        assertEquals(0, resumed.retryPublishAt());
    }

    @Test
    void aFollowerWhoseRowsDifferFromDnsRestartsItsTracksFromTheLivePlan() throws Exception {
        EngineState warm = ENGINE.initialState(NOW);

        EngineState resumed = WarmTakeover.resume(ENGINE, warm, EVACUATED, SHARED, JOURNAL_COMMAND_AT, NOW);

        assertEquals(LocationState.EVACUATED, resumed.track(0).state());
        assertEquals("lab-a@incident-1", resumed.track(0).incident());
        assertEquals(LocationState.HEALTHY, resumed.track(1).state());
        assertEquals(4, resumed.plan().generation());
        assertEquals(Map.of("lab-a", "lab-a@incident-1"), WarmTakeover.incidents(ENGINE, resumed));
    }

    @Test
    void aFollowerWhoseJournalIsBehindTheSnapshotTakesTheSnapshotsOverridesNotItsOwnOlderOnes() throws Exception {
        Overrides stale = Overrides.NONE.withFreeze(NOW.toEpochMilli() + 600_000, "ops");
        EngineState warm = withOverrides(ENGINE.initialState(NOW, EVACUATED, 4), stale);

        EngineState resumed = WarmTakeover.resume(ENGINE, warm, EVACUATED, SHARED, JOURNAL_COMMAND_AT, NOW);

        assertEquals(PINNED, resumed.overrides());
        assertEquals("lab-a@incident-1", resumed.track(0).incident());
    }

    @Test
    void aJournalWithACommandTheSnapshotNeverSawKeepsItsOverridesAndIncidents() throws Exception {
        Overrides journaled = PINNED.withFreeze(NOW.toEpochMilli() + 600_000, "ops (upgrade)");
        EngineState warm = withOverrides(ENGINE.initialState(NOW, EVACUATED, 4), journaled);
        long commandAfterTheSnapshot = SNAPSHOT_AT + 1_000;

        EngineState fromEmpty = WarmTakeover.resume(ENGINE, warm, EVACUATED, HaSnapshot.EMPTY, commandAfterTheSnapshot, NOW);
        EngineState fromOlder = WarmTakeover.resume(ENGINE, warm, EVACUATED, SHARED, commandAfterTheSnapshot, NOW);

        assertEquals(journaled, fromEmpty.overrides(), "an ensemble without shared state keeps the journal's pins");
        assertEquals(journaled, fromOlder.overrides(), "a snapshot older than the journal's last command");
        assertEquals(warm.track(0).incident(), fromOlder.track(0).incident());
        assertEquals(4, fromOlder.liveGeneration(), "the plan is DNS's whichever side is newer");
    }

    /**
     * The DNS API down: the previous leader decided lab-a's evacuation (generation 5, never published)
     * and holds it out through the data plane; DNS still holds generation 2, lab-a at home.
     */
    @Test
    void whilePublishesFailTheFallbackAndTheUnpublishedEvacuationAreKeptAndPublishedAgainAtOnce() {
        TrafficPlan home = TrafficPlan.identity(TOPOLOGY.ids(), 2);
        long failingSince = NOW.toEpochMilli() - 300_000;
        HaSnapshot outage = new HaSnapshot("replica-1", 3, 0, SNAPSHOT_AT, Overrides.NONE, Map.of("lab-a", "lab-a@incident-1"),
                Map.of("lab-a@incident-1", "1700.01"), 5, 2, EVACUATED.toMap(), List.of("lab-a"), failingSince);
        EngineState initial = ENGINE.initialState(NOW, EVACUATED.atGeneration(3), 2);
        LocationTrack evacuating = initial.track(0).enter(LocationState.EVACUATING, NOW.toEpochMilli()).awaiting(3);
        // The follower's own engine decided the same rows; its generation 3 was never published either.
        EngineState warm = new EngineState(initial.tick(), initial.health(), initial.report(),
                List.of(evacuating, initial.track(1)), initial.plan(), 2, initial.demand(), initial.instances(),
                initial.requested(), initial.lastRelied(), Overrides.NONE, false, List.of(), null, 0,
                new DnsFallback(NOW.toEpochMilli() - 200_000, List.of(), List.of("lab-a"), 0));

        EngineState resumed = WarmTakeover.resume(ENGINE, warm, home, outage, JOURNAL_COMMAND_AT, NOW);

        assertEquals(new DnsFallback(failingSince, List.of("lab-a"), null, 0, home, List.of(), 0), resumed.dnsFallback());
        assertEquals(LocationState.EVACUATING, resumed.track(0).state());
        assertEquals("lab-a@incident-1", resumed.track(0).incident());
        assertTrue(resumed.plan().sameRowsAs(EVACUATED), resumed.plan().toString());
        assertEquals(6, resumed.plan().generation(), "above the previous leader's wanted generation: DNS never held it");
        assertEquals(6, resumed.track(0).awaitingGeneration());
        assertEquals(2, resumed.liveGeneration());
        assertEquals(NOW.toEpochMilli(), resumed.retryPublishAt(), "the wanted plan is sent again at once");
    }

    /** DNS unreadable (its whole control plane down) but the previous leader's wanted plan was confirmed live. */
    @Test
    void dnsUnreadableAndItsPlanConfirmedInTheSharedStateResumesFromThatPlan() {
        HaSnapshot confirmed = new HaSnapshot("replica-1", 3, 0, SNAPSHOT_AT, Overrides.NONE, Map.of("lab-a", "lab-a@incident-1"),
                Map.of("lab-a@incident-1", "1700.01"), 4, 4, EVACUATED.toMap());
        EngineState warm = ENGINE.initialState(NOW, EVACUATED.atGeneration(7), 2);

        TrafficPlan known = WarmTakeover.lastConfirmed(confirmed, TOPOLOGY.ids());
        EngineState resumed = WarmTakeover.resume(ENGINE, warm, known, confirmed, JOURNAL_COMMAND_AT, NOW);

        assertEquals(EVACUATED, known);
        assertEquals(EVACUATED, resumed.plan());
        assertEquals(4, resumed.liveGeneration());
        assertEquals(0, resumed.retryPublishAt(), "DNS holds what was wanted: nothing to publish");
    }

    /**
     * DNS unreadable and the previous leader's generation 5 never confirmed (DNS at 2, rows not in the shared
     * state): the warm plan is published again at once, above every generation used, as when DNS could be read.
     */
    @Test
    void dnsUnreadableAndItsPlanNotKnownWholePublishesTheWarmPlanAgainAtOnce() {
        HaSnapshot outage = new HaSnapshot("replica-1", 3, 0, SNAPSHOT_AT, Overrides.NONE, Map.of("lab-a", "lab-a@incident-1"),
                Map.of("lab-a@incident-1", "1700.01"), 5, 2, EVACUATED.toMap(), List.of("lab-a"), 0);
        EngineState warm = ENGINE.initialState(NOW, EVACUATED.atGeneration(3), 2);

        TrafficPlan known = WarmTakeover.lastConfirmed(outage, TOPOLOGY.ids());
        EngineState resumed = WarmTakeover.resume(ENGINE, warm, known, outage, JOURNAL_COMMAND_AT, NOW);

        assertNull(known);
        assertTrue(resumed.plan().sameRowsAs(EVACUATED), resumed.plan().toString());
        assertEquals(6, resumed.plan().generation());
        assertEquals(2, resumed.liveGeneration());
        assertEquals(List.of("lab-a"), resumed.dnsFallback().live());
        assertEquals(NOW.toEpochMilli(), resumed.retryPublishAt(), "the wanted plan is sent again at once");
    }

    /**
     * DNS unreadable. DNS confirmed lab-a's evacuation at generation 2 (the shared state knows those rows);
     * the previous leader then decided lab-c's (generation 3, never published) and holds lab-c out through the
     * data plane. The follower's own lab-a track never saw generation 2 confirmed (its peek at DNS failed), so
     * it still awaits its own generation: lab-a is evacuated in DNS, and the new leader neither holds it out
     * nor announces it again; only lab-c awaits the plan sent again.
     */
    @Test
    void dnsUnreadableAnEvacuationDnsConfirmedStaysEvacuatedAndOnlyTheUnpublishedOneIsSentAgain() {
        Topology three = Topology.greatCircle(List.of(location("lab-a", 1), location("lab-b", 2), location("lab-c", 3)));
        DecisionEngine engine = new DecisionEngine(EngineConfig.defaults(), three);
        TrafficPlan inDns = TrafficPlan.of(three.ids(), Map.of("lab-a", Map.of("lab-b", 1.0)), 2);
        TrafficPlan wanted = TrafficPlan.of(three.ids(), Map.of("lab-a", Map.of("lab-b", 1.0), "lab-c",
                Map.of("lab-b", 1.0)), 3);
        long failingSince = NOW.toEpochMilli() - 60_000;
        HaSnapshot outage = new HaSnapshot("replica-2", 3, 0, SNAPSHOT_AT, Overrides.NONE, Map.of(), Map.of(), 3, 2,
                wanted.toMap(), List.of("lab-c"), failingSince, inDns.toMap());
        EngineState initial = engine.initialState(NOW, wanted, 0);
        long t = NOW.toEpochMilli();
        EngineState warm = new EngineState(initial.tick(), initial.health(), initial.report(),
                List.of(initial.track(0).enter(LocationState.EVACUATING, t).awaiting(3), initial.track(1),
                        initial.track(2).enter(LocationState.EVACUATING, t).awaiting(3)),
                initial.plan(), 0, initial.demand(), initial.instances(), initial.requested(), initial.lastRelied(),
                Overrides.NONE, false, List.of(), null, 0, new DnsFallback(failingSince, List.of(), null, 0));

        TrafficPlan known = WarmTakeover.lastConfirmed(outage, three.ids());
        EngineState resumed = WarmTakeover.resume(engine, warm, known, outage, JOURNAL_COMMAND_AT, NOW);

        assertEquals(inDns, known);
        assertEquals(List.of(LocationState.EVACUATED, LocationState.EVACUATING),
                List.of(resumed.track(0).state(), resumed.track(2).state()));
        assertEquals(List.of(0L, 4L), List.of(resumed.track(0).awaitingGeneration(), resumed.track(2).awaitingGeneration()));
        assertEquals(List.of("lab-c"), resumed.dnsFallback().live());
        assertEquals(2, resumed.liveGeneration());
    }

    @Test
    void aSnapshotOfALeaderWithoutFallbackResumesIdle() {
        EngineState warm = ENGINE.initialState(NOW, EVACUATED, 4);

        EngineState resumed = WarmTakeover.resume(ENGINE, warm, EVACUATED, SHARED, JOURNAL_COMMAND_AT, NOW);

        assertTrue(resumed.dnsFallback().idle(), resumed.dnsFallback().toString());
        assertEquals(EVACUATED, resumed.dnsFallback().inDns(), "the plan DNS holds, where a dropped record's users would go");
    }

    /**
     * The previous leader evacuated lab-a while lab-b was briefly not eligible: half of lab-a's users found no
     * receiver and stayed on it (a capacity shortfall), and that is the plan in DNS. A new leader whose own
     * engine planned otherwise starts from it; lab-a is still dead and lab-b has room: within a few ticks the
     * new leader places the rest on lab-b, instead of keeping the plan it read back.
     */
    @Test
    void aNewLeaderStartingFromAShortfallPlanInDnsReplansItOntoAReceiverWithRoom() {
        TrafficPlan shortfall = TrafficPlan.of(TOPOLOGY.ids(), Map.of("lab-a", Map.of("lab-a", 0.5, "lab-b", 0.5)), 4);
        HaSnapshot before = new HaSnapshot("replica-1", 3, 0, SNAPSHOT_AT, Overrides.NONE, Map.of("lab-a", "lab-a@incident-1"),
                Map.of("lab-a@incident-1", "1700.01"), 4, 4, shortfall.toMap());

        EngineState leader = WarmTakeover.resume(ENGINE, ENGINE.initialState(NOW), shortfall, before, JOURNAL_COMMAND_AT, NOW);
        assertEquals(0.5, leader.plan().fraction("lab-a", "lab-a"), 1e-9);
        List<ActionOutcome> outcomes = new ArrayList<>();
        for (int second = 1; second <= 10; second++) {
            Instant at = NOW.plusSeconds(second);
            Step step = ENGINE.step(leader, Inputs.builder().observations(labADead(at)).outcomes(List.copyOf(outcomes))
                    .build(), at);
            outcomes.clear();
            leader = step.next();
            for (Action a : step.actions()) {
                if (a instanceof Action.PreScale p) {
                    outcomes.add(new ActionOutcome.ScaleResult(p.location(), p.instances(), ActionOutcome.ScaleStatus.READY,
                            "ready"));
                } else if (a instanceof Action.PublishPlan p) {
                    outcomes.add(new ActionOutcome.PlanPublished(p.plan().generation(), ActionOutcome.PublishStatus.INSYNC,
                            "ok", Duration.ofSeconds(1)));
                }
            }
        }

        assertEquals(0.0, leader.plan().fraction("lab-a", "lab-a"), 1e-9);
        assertEquals(1.0, leader.plan().fraction("lab-a", "lab-b"), 1e-9);
        assertTrue(leader.liveGeneration() > 4, "published above DNS's generation: " + leader.liveGeneration());
    }

    /** Every vantage probes both locations at {@code at}: lab-a refuses connections, lab-b answers. */
    private static List<Observation> labADead(Instant at) {
        List<Observation> probes = new ArrayList<>();
        for (String vantage : ENGINE.config().health().vantages()) {
            probes.add(new Observation(vantage, "lab-a", "canary", at, Outcome.CONNECT_ERROR, Duration.ofMillis(20)));
            probes.add(new Observation(vantage, "lab-b", "canary", at, Outcome.OK, Duration.ofMillis(20)));
        }
        return probes;
    }
}
