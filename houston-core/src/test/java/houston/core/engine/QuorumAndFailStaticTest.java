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
}
