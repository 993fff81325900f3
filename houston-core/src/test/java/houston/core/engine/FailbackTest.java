package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.model.LocationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailbackTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    @BeforeEach
    void evacuateLoc07() {
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);
        world.clear();
    }

    private List<Double> homeFractionsPublished() {
        return world.all(Action.PublishPlan.class).stream()
                .map(p -> p.plan().fraction("loc-07", "loc-07")).toList();
    }

    @Test
    void failBackWaitsForTheUpHold() {
        world.run(50);

        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
    }

    @Test
    void failBackStepsTwentyFiveFiftyHundred() {
        world.run(60 + 5 + 3 * 31);

        assertEquals(List.of(0.0, 0.25, 0.5, 1.0), homeFractionsPublished());
        assertEquals(LocationState.HEALTHY, world.stateOf("loc-07"));
        assertEquals(1.0, world.fraction("loc-07", "loc-07"), 1e-9);
    }

    @Test
    void eachStepHoldsThirtySecondsOnceLive() {
        while (world.stateOf("loc-07") != LocationState.RECOVERING) {
            world.tick();
        }
        long firstStep = world.state.plan().generation();

        world.run(30);
        long afterHold = world.state.plan().generation();
        world.run(1);

        assertEquals(firstStep, afterHold);
        assertEquals(firstStep + 1, world.state.plan().generation());
    }

    @Test
    void eachStepIsToldWhenDnsCarriesItNotOnlyWhenItIsDecided() {
        world.confirmPublishes = false;
        while (world.stateOf("loc-07") != LocationState.RECOVERING) {
            world.tick();
        }
        world.run(5);
        List<String> beforeLive = world.decisions(DecisionKind.FAILBACK_STEP).stream().map(Decision::summary).toList();

        world.outcome(new ActionOutcome.PlanPublished(world.state.plan().generation(), ActionOutcome.PublishStatus.INSYNC,
                "ok", java.time.Duration.ofSeconds(1))).tick();
        List<String> steps = world.decisions(DecisionKind.FAILBACK_STEP).stream().map(Decision::summary).toList();

        assertEquals(1, beforeLive.size(), beforeLive.toString());
        assertEquals(2, steps.size(), steps.toString());
        assertEquals("loc-07 failing back: 25% of its catchment served at home now (plan generation "
                + world.state.plan().generation() + " live in DNS); the next step after 30s with a good score", steps.get(1));
    }

    @Test
    void restoredIsAnnouncedOnlyOnceThePlanCarryingItIsLive() {
        while (!homeFractionsPublished().contains(0.5)) {
            world.tick();
        }
        world.tick(); // the 50% step is confirmed live; the last step will not be
        world.confirmPublishes = false;
        world.run(40);
        long last = world.state.plan().generation();

        assertEquals(List.of(0.0, 0.25, 0.5, 1.0), homeFractionsPublished());
        assertEquals(List.of(), world.decisions(DecisionKind.RESTORED), "announced while DNS still had the old plan");

        world.outcome(new ActionOutcome.PlanPublished(last, ActionOutcome.PublishStatus.INSYNC, "ok",
                java.time.Duration.ofSeconds(1))).tick();

        assertEquals(1, world.decisions(DecisionKind.RESTORED).size());
        assertEquals(LocationState.HEALTHY, world.stateOf("loc-07"));
    }

    @Test
    void failBackAbortsWhenTheScoreDropsAgain() {
        world.run(70);
        assertEquals(LocationState.RECOVERING, world.stateOf("loc-07"));

        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(5);

        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
        assertEquals(List.of(0.0, 0.25, 0.0), homeFractionsPublished());
        assertEquals(1, world.decisions(DecisionKind.FAILBACK_ABORTED).size());
    }

    @Test
    void abortedFailBackStartsAgainOnlyAfterAnotherFullUpHold() {
        world.run(70);
        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(5);
        world.clear();

        world.run(60);

        assertEquals(List.of(0.0, 0.25, 0.0), homeFractionsPublished());
    }
}
