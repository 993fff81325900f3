package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuorumAndFailStaticTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    @Test
    void oneVantageSeeingEverythingFailChangesNothing() {
        world.run(10);

        world.breakLocation("*", "vantage-c").run(120);

        assertEquals(List.of(), world.all(Action.PublishPlan.class));
        assertEquals(List.of(), world.alerts(AlertKind.FAIL_STATIC));
        assertTrue(world.topology.ids().stream().allMatch(id -> world.stateOf(id) == LocationState.HEALTHY));
    }

    @Test
    void brokenVantageIsNamedAsDiscountedInTheEvidence() {
        world.run(10);

        world.breakLocation("*", "vantage-c").run(10);

        assertEquals(List.of("vantage-c"), world.state.report().suspectVoterNames());
    }

    @Test
    void realOutageIsStillSeenWhileOneVantageIsBroken() {
        world.run(10);
        world.breakLocation("*", "vantage-c").run(10);

        world.breakLocation("loc-03", "vantage-a", "vantage-b").run(10);

        assertEquals(LocationState.EVACUATED, world.stateOf("loc-03"));
    }

    @Test
    void eightOfFifteenGoingBadOnTwoVantagesTheThirdContradictsFailsStaticWithOneAlertNotOnePerLocation() {
        world.run(10);
        for (int i = 0; i < 8; i++) {
            world.breakLocation(String.format("loc-%02d", i * 2 % 15), "vantage-a", "vantage-b");
        }

        world.run(60);

        assertEquals(1, world.alerts(AlertKind.FAIL_STATIC).size());
        assertEquals(1, world.all(Action.Alert.class).size());
        assertEquals(List.of(), world.all(Action.PublishPlan.class));
        assertTrue(world.state.failStatic());
    }

    @Test
    void failStaticIsReleasedWhenTheLocationsRecover() {
        world.run(10);
        for (int i = 0; i < 8; i++) {
            world.breakLocation(String.format("loc-%02d", i), "vantage-a", "vantage-b");
        }
        world.run(30);

        world.clear().run(30);

        assertEquals(1, world.decisions(DecisionKind.FAIL_STATIC_RELEASED).size());
        assertEquals(false, world.state.failStatic());
        assertEquals(List.of(), world.all(Action.PublishPlan.class));
    }

    /**
     * Fail-static suspects the observers and moves nothing: a location failing back whose score the same
     * broken observers drag down keeps its step, rather than being evacuated again on their word (a hostile
     * tester partitioned two of the lab's three vantages while me-central-1 failed back: its fail-back was
     * aborted in the very tick fail-static said it moved no traffic).
     */
    @Test
    void aLocationFailingBackIsNotEvacuatedAgainOnTheWordOfObserversFailStaticSuspects() {
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(20);
        world.clear();
        while (world.stateOf("loc-07") != LocationState.RECOVERING) {
            world.tick();
        }
        int published = world.all(Action.PublishPlan.class).size();

        world.breakLocation("*", "vantage-a", "vantage-b").run(30);

        assertTrue(world.state.failStatic());
        assertEquals(List.of(), world.decisions(DecisionKind.FAILBACK_ABORTED));
        assertEquals(LocationState.RECOVERING, world.stateOf("loc-07"));
        assertEquals(published, world.all(Action.PublishPlan.class).size());
    }
}
