package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.health.Outcome;
import houston.core.model.LocationState;
import houston.core.model.TrafficPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvacuationTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    @Test
    void oneFailedProbeNeverMovesTraffic() {
        world.run(10);
        world.fault("vantage-a", "loc-07", Outcome.TIMEOUT).tick();
        world.clear().run(60);

        assertEquals(List.of(), world.all(Action.PublishPlan.class));
        assertEquals(LocationState.HEALTHY, world.stateOf("loc-07"));
    }

    @Test
    void locationFailingFromTwoOfThreeVantagesForTheHoldTimeIsEvacuated() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(10);

        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
        assertEquals(0.0, world.fraction("loc-07", "loc-07"), 1e-9);
    }

    @Test
    void locationFailingFromOneOfThreeVantagesIsNotEvacuated() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a").run(120);

        assertEquals(LocationState.HEALTHY, world.stateOf("loc-07"));
        assertEquals(List.of(), world.all(Action.PublishPlan.class));
    }

    @Test
    void deadLocationIsEvacuatedWithinFiveSecondsOfTheFault() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(5);

        List<Action.PublishPlan> published = world.all(Action.PublishPlan.class);
        assertEquals(1, published.size());
        assertEquals(0.0, published.get(0).plan().fraction("loc-07", "loc-07"), 1e-9);
    }

    @Test
    void receiversAreTheNearestThreeSharingTheCatchment() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);

        TrafficPlan plan = world.state.plan();
        // loc-06 and loc-08 are 1° away, then loc-05 and loc-09 tie at 2°: the lower id wins.
        assertEquals(1.0, plan.fraction("loc-07", "loc-06") + plan.fraction("loc-07", "loc-08")
                + plan.fraction("loc-07", "loc-05"), 1e-9);
        assertEquals(0.0, plan.fraction("loc-07", "loc-09"), 1e-9);
    }

    @Test
    void receiversArePreScaledForTheirNewLoad() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);

        // Each receiver takes 400/3 rps on top of 400: 533 rps at 50 rps per instance = 11 instances.
        List<Action.PreScale> scales = world.all(Action.PreScale.class);
        assertEquals(List.of("loc-05", "loc-06", "loc-08"), scales.stream().map(Action.PreScale::location).sorted().toList());
        assertTrue(scales.stream().allMatch(s -> s.instances() == 11));
    }

    @Test
    void degradedLocationShiftsOnlyAfterItsReceiversAreReady() {
        world.confirmScaleUps = false;
        world.run(10);
        // SLOW everywhere scores 0.4: bad, but not dead.
        world.fault("vantage-a", "loc-07", Outcome.SLOW).fault("vantage-b", "loc-07", Outcome.SLOW).run(30);
        int publishedBeforeReady = world.all(Action.PublishPlan.class).size();

        for (Action.PreScale s : world.all(Action.PreScale.class)) {
            world.outcome(new ActionOutcome.ScaleResult(s.location(), s.instances(),
                    ActionOutcome.ScaleStatus.READY, "ready"));
        }
        world.run(3);

        assertEquals(0, publishedBeforeReady);
        assertEquals(1, world.all(Action.PublishPlan.class).size());
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
    }

    @Test
    void deadLocationShiftsBeforeItsReceiversAreReady() {
        world.confirmScaleUps = false;
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(6);

        assertEquals(1, world.all(Action.PublishPlan.class).size());
        assertEquals(3, world.all(Action.PreScale.class).size());
    }

    @Test
    void everyEvacuationDecisionCarriesItsEvidence() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(10);

        Decision decision = world.decisions(DecisionKind.EVACUATION_DECIDED).get(0);
        assertEquals(List.of("vantage-a", "vantage-b"), decision.explanation().health().agreeing());
        assertEquals(3, decision.explanation().placements().get(0).receivers().size());
        assertEquals(world.decisions(DecisionKind.SUSPECTED).get(0).incident(), decision.incident());
    }
}
