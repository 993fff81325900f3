package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.health.Outcome;
import houston.core.health.ServiceSignal;
import houston.core.health.SignalStatus;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetyLimitsTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    @Test
    void thirdSimultaneousEvacuationIsHeldBackByMaxEvacuated() {
        world.run(10);

        world.breakLocation("loc-01", "vantage-a", "vantage-b").breakLocation("loc-07", "vantage-a", "vantage-b")
                .breakLocation("loc-13", "vantage-a", "vantage-b").run(20);

        assertEquals(LocationState.SUSPECT, world.stateOf("loc-13"));
        assertEquals(1, world.alerts(AlertKind.EVACUATION_HELD).size());
        assertTrue(world.alerts(AlertKind.EVACUATION_HELD).get(0).message().contains("max-evacuated 2"));
    }

    @Test
    void aThirdLocationEveryVoterCallsDeadIsEvacuatedBeyondMaxEvacuatedAndTheRateLimitAndPagesOnce() {
        world.run(10);

        world.breakLocation("loc-01", "vantage-a", "vantage-b", "vantage-c")
                .breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c")
                .breakLocation("loc-13", "vantage-a", "vantage-b", "vantage-c").run(20);

        assertEquals(LocationState.EVACUATED, world.stateOf("loc-13"), world.alerts(AlertKind.EVACUATION_HELD).toString());
        assertEquals(List.of(), world.alerts(AlertKind.EVACUATION_HELD));
        assertEquals(1, world.alerts(AlertKind.SAFETY_LIMIT_PASSED).size());
        assertTrue(world.alerts(AlertKind.SAFETY_LIMIT_PASSED).get(0).message().contains("3 of 3 voters"));
    }

    @Test
    void theLastHealthySignalOfADeadServiceDoesNotKeepItBehindTheCap() {
        twoOutagesHoldBothSlots();

        // loc-13's services said "healthy" just before it went dark, and will say nothing more.
        world.signal(new ServiceSignal("loc-13", "web", SignalStatus.HEALTHY, "0.0% errors", world.now))
                .breakLocation("loc-13", "vantage-a", "vantage-b", "vantage-c").run(5);

        assertTrue(world.stateOf("loc-13").isEvacuation(), "loc-13: " + world.stateOf("loc-13"));
    }

    @Test
    void aThirdLocationNotEveryVantageCallsDeadIsStillHeldByMaxEvacuated() {
        twoOutagesHoldBothSlots();

        world.breakLocation("loc-13", "vantage-a", "vantage-b").run(20);

        assertEquals(LocationState.SUSPECT, world.stateOf("loc-13"));
        assertEquals(List.of(), world.alerts(AlertKind.SAFETY_LIMIT_PASSED));
    }

    @Test
    void aThirdLocationEveryVantageHasSeenFailingForAMinuteIsEvacuatedBeyondTheLimitsAndPagesOnce() {
        twoOutagesHoldBothSlots();

        slowOnEveryVantage("loc-13").run(70);

        assertTrue(world.stateOf("loc-13").isEvacuation(), "loc-13: " + world.stateOf("loc-13"));
        assertEquals(1, world.alerts(AlertKind.EVACUATION_HELD).size());
        assertEquals(1, world.alerts(AlertKind.SAFETY_LIMIT_PASSED).size());
        String page = world.alerts(AlertKind.SAFETY_LIMIT_PASSED).get(0).message();
        assertTrue(page.contains("beyond max-evacuated 2 and the rate limit") && page.contains("calls it bad for 6"), page);
    }

    @Test
    void twoVantagesFailingItForAMinuteAndTheThirdForSecondsIsStillHeld() {
        twoOutagesHoldBothSlots();
        world.fault("vantage-a", "loc-13", Outcome.SLOW).fault("vantage-b", "loc-13", Outcome.SLOW).run(70);

        world.fault("vantage-c", "loc-13", Outcome.SLOW).run(10);

        assertEquals(LocationState.SUSPECT, world.stateOf("loc-13"));
        assertEquals(List.of(), world.alerts(AlertKind.SAFETY_LIMIT_PASSED));
    }

    @Test
    void aThirdLocationEveryVantageHasSeenFailingForLessThanAMinuteIsStillHeld() {
        twoOutagesHoldBothSlots();

        slowOnEveryVantage("loc-13").run(50);

        assertEquals(LocationState.SUSPECT, world.stateOf("loc-13"));
        assertEquals(List.of(), world.alerts(AlertKind.SAFETY_LIMIT_PASSED));
    }

    @Test
    void aRecoveringLocationNoLongerCountsAgainstMaxEvacuated() {
        world.run(10);
        // Ten minutes apart, so the rate limit (2 in 10 min) has room for a third.
        world.breakLocation("loc-01", "vantage-a", "vantage-b").run(620);
        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(20);
        world.clear().breakLocation("loc-07", "vantage-a", "vantage-b");
        while (world.stateOf("loc-01") != LocationState.RECOVERING) {
            world.tick();
        }

        world.breakLocation("loc-13", "vantage-a", "vantage-b").run(5);

        assertEquals(LocationState.RECOVERING, world.stateOf("loc-01"));
        assertTrue(world.stateOf("loc-13").isEvacuation(), "loc-13: " + world.stateOf("loc-13"));
        assertEquals(List.of(), world.alerts(AlertKind.EVACUATION_HELD));
    }

    @Test
    void heldEvacuationIsAlertedOncePerReason() {
        world.run(10);

        world.breakLocation("loc-01", "vantage-a", "vantage-b").breakLocation("loc-07", "vantage-a", "vantage-b")
                .breakLocation("loc-13", "vantage-a", "vantage-b").run(300);

        assertEquals(1, world.alerts(AlertKind.EVACUATION_HELD).size());
    }

    @Test
    void evacuationsBeyondTheRateLimitWait() {
        EngineHarness limited = world;
        limited.run(10);
        limited.breakLocation("loc-01", "vantage-a", "vantage-b").run(20);
        limited.clear().run(200);
        limited.breakLocation("loc-07", "vantage-a", "vantage-b").run(20);
        limited.clear().run(200);

        limited.breakLocation("loc-13", "vantage-a", "vantage-b").run(20);

        assertEquals(LocationState.SUSPECT, limited.stateOf("loc-13"));
        assertTrue(limited.alerts(AlertKind.EVACUATION_HELD).get(0).message().startsWith("loc-13 is bad"));
        assertTrue(limited.alerts(AlertKind.EVACUATION_HELD).get(0).message().contains("rate limit"));
    }

    @Test
    void flappingLocationCausesAtMostOneEvacuationPerHoldPeriod() {
        world.run(10);

        for (int cycle = 0; cycle < 30; cycle++) {
            world.breakLocation("loc-07", "vantage-a", "vantage-b").run(6);
            world.clear().run(14);
        }

        // 600 s of a 20 s flap: the up-hold (60 s good) never completes, so it stays evacuated once.
        assertEquals(1, world.decisions(DecisionKind.EVACUATION_DECIDED).size());
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
    }

    @Test
    void receiverIsNeverPlannedPastItsMaximumCapacity() {
        // Demand 1,900 rps everywhere against a 2,000 rps maximum: receivers have 100 rps of room each.
        EngineHarness tight = new EngineHarness(EngineConfig.defaults(), TestTopologies.equator(1900, 0, 1, 2, 3, 4, 5,
                6, 7, 8, 9, 10, 11, 12, 13, 14));
        tight.run(10);

        tight.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);

        double[] loads = tight.state.plan().loads(tight.state.demand());
        for (int r = 0; r < loads.length; r++) {
            if (r != tight.topology.indexOf("loc-07")) {
                assertTrue(loads[r] <= 2000 + 1e-6, "load on " + tight.topology.location(r).id() + " " + loads[r]);
            }
        }
        assertEquals(1, tight.alerts(AlertKind.CAPACITY_SHORTFALL).size());
    }

    @Test
    void failedPublishIsAlertedAndRetriedAfterThePause() {
        world.confirmPublishes = false;
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(5);
        long generation = world.all(Action.PublishPlan.class).get(0).plan().generation();

        world.outcome(new ActionOutcome.PlanPublished(generation, ActionOutcome.PublishStatus.FAILED, "Throttling",
                Duration.ofSeconds(8))).run(31);

        assertEquals(1, world.alerts(AlertKind.DNS_PUBLISH_FAILED).size());
        assertEquals(List.of(generation, generation),
                world.all(Action.PublishPlan.class).stream().map(p -> p.plan().generation()).toList());
    }

    @Test
    void lostOwnershipStopsPublishing() {
        world.confirmPublishes = false;
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(5);
        long generation = world.all(Action.PublishPlan.class).get(0).plan().generation();
        world.outcome(new ActionOutcome.PlanPublished(generation, ActionOutcome.PublishStatus.LOST_OWNERSHIP,
                "TXT _houston changed", Duration.ofSeconds(1))).tick();

        world.breakLocation("loc-01", "vantage-a", "vantage-b", "vantage-c").run(20);

        assertEquals(1, world.alerts(AlertKind.DNS_OWNERSHIP_LOST).size());
        assertEquals(1, world.all(Action.PublishPlan.class).size());
    }

    @Test
    void slowAnswersAloneCountAsBadWhenEveryVantageSeesThem() {
        world.run(10);

        slowOnEveryVantage("loc-07").run(10);

        assertEquals(1, world.decisions(DecisionKind.EVACUATION_DECIDED).size());
    }

    private void twoOutagesHoldBothSlots() {
        world.run(10);
        world.breakLocation("loc-01", "vantage-a", "vantage-b", "vantage-c")
                .breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(20);
    }

    /** Slow answers on every vantage: bad, not dead (a brownout, a grey failure). */
    private EngineHarness slowOnEveryVantage(String location) {
        return world.fault("vantage-a", location, Outcome.SLOW).fault("vantage-b", location, Outcome.SLOW)
                .fault("vantage-c", location, Outcome.SLOW);
    }
}
