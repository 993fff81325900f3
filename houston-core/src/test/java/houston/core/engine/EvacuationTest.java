package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.health.Outcome;
import houston.core.model.CapacityModel;
import houston.core.model.Location;
import houston.core.model.LocationState;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import houston.core.plan.ReceiverShare;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
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
    void theNearestReceiverTakesAllThatItsMaximumHolds() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);

        TrafficPlan plan = world.state.plan();
        // loc-06 and loc-08 tie at 1°: the lower id wins, and its maximum (2,000 rps) holds loc-07's
        // 400 on top of its own 400, so no farther location takes any.
        assertEquals(1.0, plan.fraction("loc-07", "loc-06"), 1e-9);
        assertEquals(0.0, plan.fraction("loc-07", "loc-08"), 1e-9);
    }

    @Test
    void receiversArePreScaledForTheirNewLoad() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);

        // loc-06 takes all 400 rps on top of its own 400: 800 rps at 50 rps per instance = 16 instances.
        List<Action.PreScale> scales = world.all(Action.PreScale.class);
        assertEquals(List.of("loc-06"), scales.stream().map(Action.PreScale::location).toList());
        assertEquals(16, scales.get(0).instances());
    }

    @Test
    void degradedLocationWithNoReadyRoomAnywhereShiftsOnlyAfterItsReceiversAreReady() {
        // Every location serves 600 rps on 10 instances of 100: past the 600 rps their ready
        // instances take for an evacuee a quarter as bad as dead (DegradedShiftTest), so none has room now.
        EngineHarness full = new EngineHarness(EngineConfig.defaults(),
                TestTopologies.equator(600, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14));
        full.confirmScaleUps = false;
        full.run(10);
        // SLOW everywhere scores 0.4: bad, but not dead.
        full.fault("vantage-a", "loc-07", Outcome.SLOW).fault("vantage-b", "loc-07", Outcome.SLOW).run(30);
        int publishedBeforeReady = full.all(Action.PublishPlan.class).size();

        for (Action.PreScale s : full.all(Action.PreScale.class)) {
            full.outcome(new ActionOutcome.ScaleResult(s.location(), s.instances(),
                    ActionOutcome.ScaleStatus.READY, "ready"));
        }
        full.run(3);

        assertEquals(0, publishedBeforeReady);
        assertEquals(1, full.all(Action.PublishPlan.class).size());
        assertEquals(LocationState.EVACUATED, full.stateOf("loc-07"));
    }

    @Test
    void aDegradedLocationShiftsAtOnceWhenItsNearestReceiversHoldItOnReadyInstances() {
        // loc-07 serves 250 rps; every other location 400 of the 500 its 10 instances serve at target.
        // The plan puts all 250 on loc-06 (it must grow to 13 instances), but loc-06, loc-08 and
        // loc-05 hold them now, 100 rps each: waiting 60 s for loc-06 would gain nothing.
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            locations.add(TestTopologies.location(String.format("loc-%02d", i), i, i == 7 ? 250 : 400,
                    new CapacityModel(10, 100, 1, 40, 0.5, Duration.ofSeconds(60))));
        }
        EngineHarness small = new EngineHarness(EngineConfig.defaults(), Topology.greatCircle(locations));
        small.confirmScaleUps = false;
        small.run(10);

        small.fault("vantage-a", "loc-07", Outcome.SLOW).fault("vantage-b", "loc-07", Outcome.SLOW).run(30);
        int publishedBeforeReady = small.all(Action.PublishPlan.class).size();
        for (Action.PreScale s : small.all(Action.PreScale.class)) {
            small.outcome(new ActionOutcome.ScaleResult(s.location(), s.instances(), ActionOutcome.ScaleStatus.READY,
                    "ready"));
        }
        small.run(3);

        assertEquals(1, publishedBeforeReady);
        assertEquals(List.of("loc-06"), small.all(Action.PreScale.class).stream().map(Action.PreScale::location).toList());
        assertEquals(1.0, small.fraction("loc-07", "loc-06"), 1e-9);
    }

    @Test
    void deadLocationShiftsBeforeItsReceiversAreReady() {
        world.confirmScaleUps = false;
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(6);

        assertEquals(1, world.all(Action.PublishPlan.class).size());
        assertEquals(1, world.all(Action.PreScale.class).size());
    }

    @Test
    void everyEvacuationDecisionCarriesItsEvidence() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(10);

        Decision decision = world.decisions(DecisionKind.EVACUATION_DECIDED).get(0);
        assertEquals(List.of("vantage-a", "vantage-b"), decision.explanation().health().agreeing());
        assertEquals(List.of("loc-06"), decision.explanation().placements().get(0).receivers().stream()
                .map(ReceiverShare::location).toList());
        assertEquals(world.decisions(DecisionKind.SUSPECTED).get(0).incident(), decision.incident());
    }
}
