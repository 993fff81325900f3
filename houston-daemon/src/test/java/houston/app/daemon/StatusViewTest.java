package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.DecisionEngine;
import houston.core.model.TrafficPlan;
import houston.core.port.DnsSwitch;
import houston.core.port.Notifier;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A follower's engine decides as the leader's does but publishes nothing (only the leader does), so
 * its plan is one nobody published and its live generation stays where it started: its status and
 * plan say so instead of contradicting DNS.
 */
class StatusViewTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    private final HoustonSettings settings = HoustonConfigLoader.load(null);
    private ControlLoop loop;

    private final DnsSwitch dns = new DnsSwitch() {
        @Override
        public CompletionStage<ActionOutcome.PlanPublished> publish(TrafficPlan plan) {
            return CompletableFuture.completedFuture(new ActionOutcome.PlanPublished(plan.generation(),
                    ActionOutcome.PublishStatus.FAILED, "follower: only the leader publishes", Duration.ZERO));
        }

        @Override
        public CompletionStage<TrafficPlan> readLive() {
            return CompletableFuture.completedFuture(null);
        }
    };

    private final Notifier quiet = new Notifier() {
        @Override
        public void notify(Action.Notify n) {
        }

        @Override
        public void alert(Action.Alert a) {
        }
    };

    @BeforeEach
    void aFollowerWhoseEngineDecidedGenerationOneThatNobodyPublished() {
        DecisionEngine engine = new DecisionEngine(settings.engine(), settings.topology());
        List<String> ids = settings.topology().ids();
        TrafficPlan decided = TrafficPlan.of(ids, Map.of(ids.get(0), Map.of(ids.get(1), 1.0)), 1);
        loop = new ControlLoop(engine, engine.initialState(T0, decided, 0), dns, new ReadyScaler(), quiet, null,
                new TestClock(T0));
    }

    @AfterEach
    void stop() {
        loop.close();
    }

    @Test
    void aFollowersStatusAndPlanSayTheyAreItsOwnViewAndDoNotClaimALiveGeneration() {
        StatusView follower = new StatusView(loop, () -> true);

        JsonObject status = follower.status();
        JsonObject plan = follower.plan();

        assertNull(status.getValue("liveGeneration"));
        assertNull(plan.getValue("liveGeneration"));
        assertEquals(1L, plan.getLong("generation"));
        assertTrue(status.getString("followerView").startsWith("this replica follows: its plan and states are what "
                + "its own engine would do, never published"), status.getString("followerView"));
        assertEquals(status.getString("followerView"), plan.getString("followerView"));
    }

    @Test
    void aFollowerClaimsNothingAboutWhatDnsHoldsForALocationOrThePath() {
        StatusView follower = new StatusView(loop, () -> true);

        JsonObject first = follower.locations().getJsonObject(0);
        JsonObject fallback = follower.status().getJsonObject("fallback");

        assertNull(first.getValue("liveHomeFraction"));
        assertNull(first.getValue("heldOutByDataPlane"));
        assertEquals(0.0, first.getDouble("homeFraction"), "its own engine's wanted plan is still shown, as such");
        assertEquals(settings.engine().dnsFallback().mode().key(), fallback.getString("mode"));
        assertNull(fallback.getValue("livePath"));
        assertNull(fallback.getValue("engaged"));
        assertNull(fallback.getValue("publishesFailingSince"));
        assertNull(fallback.getValue("apiFailingSince"));
        assertNull(fallback.getValue("controlPlaneWatchFailingSince"));
    }

    @Test
    void aLocationSaysWhatHeldItsEvacuationBackSoABadLocationLeftInPlaceIsExplained() {
        DecisionEngine engine = new DecisionEngine(settings.engine(), settings.topology());
        houston.core.engine.EngineState s0 = engine.initialState(T0);
        List<houston.core.engine.LocationTrack> tracks = new java.util.ArrayList<>(s0.tracks());
        tracks.set(2, tracks.get(2).withHeldReason("max-evacuated 2 reached"));
        houston.core.engine.EngineState held = new houston.core.engine.EngineState(s0.tick(), s0.health(), s0.report(),
                tracks, s0.plan(), 0, s0.demand(), s0.instances(), s0.requested(), s0.lastRelied(), s0.overrides(),
                false, List.of(), null, 0, s0.dnsFallback());
        try (ControlLoop holding = new ControlLoop(engine, held, dns, new ReadyScaler(), quiet, null, new TestClock(T0))) {

            io.vertx.core.json.JsonArray locations = new StatusView(holding).locations();

            assertEquals(List.of("max-evacuated 2 reached"), locations.getJsonObject(2).getJsonArray("heldFor").getList());
            assertEquals(List.of(), locations.getJsonObject(0).getJsonArray("heldFor").getList());
        }
    }

    @Test
    void theLeadersStatusAndPlanAreWhatItPublished() {
        StatusView leader = new StatusView(loop, () -> false);

        assertEquals(0L, leader.status().getLong("liveGeneration"));
        assertEquals(0L, leader.plan().getLong("liveGeneration"));
        assertFalse(leader.status().containsKey("followerView"));
        assertFalse(leader.plan().containsKey("followerView"));
    }

    @Test
    void aLocationsHomeFractionIsTheWantedOneAndItsLiveOneIsWhatDnsHolds() {
        // DNS holds everyone at home (generation 1); the engine wants the first location's users on the second.
        DecisionEngine engine = new DecisionEngine(settings.engine(), settings.topology());
        List<String> ids = settings.topology().ids();
        houston.core.engine.EngineState s0 = engine.initialState(T0, TrafficPlan.of(ids, Map.of(), 1), 1);
        TrafficPlan wanted = TrafficPlan.of(ids, Map.of(ids.get(0), Map.of(ids.get(1), 1.0)), 2);
        houston.core.engine.EngineState state = new houston.core.engine.EngineState(s0.tick(), s0.health(), s0.report(),
                s0.tracks(), wanted, 1, s0.demand(), s0.instances(), s0.requested(), s0.lastRelied(), s0.overrides(),
                false, List.of(), null, 0, s0.dnsFallback());
        try (ControlLoop publishing = new ControlLoop(engine, state, dns, new ReadyScaler(), quiet, null, new TestClock(T0))) {

            JsonObject first = new StatusView(publishing, () -> false).locations().getJsonObject(0);

            assertEquals(0.0, first.getDouble("homeFraction"));
            assertEquals(1.0, first.getDouble("liveHomeFraction"));
            assertFalse(first.getBoolean("heldOutByDataPlane"));
        }
    }
}
