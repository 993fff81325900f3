package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No evidence is not good news, and an evacuation that moves nothing is not an evacuation. */
class NoEvidenceTest {

    @Test
    void failStaticIsNotReleasedWhenTheEvidenceOfTheBadLocationsAgesOut() {
        EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));
        world.run(10);
        // Two vantages see thirteen bad that the third sees fine: uncorroborated, so fail-static.
        for (int i = 0; i < 13; i++) {
            world.breakLocation(String.format("loc-%02d", i), "vantage-a", "vantage-b");
        }
        world.run(20);
        assertTrue(world.state.failStatic());

        for (int i = 2; i < 13; i++) {
            world.silence(String.format("loc-%02d", i));
        }
        world.run(60);

        assertTrue(world.state.failStatic());
        assertEquals(List.of(), world.decisions(DecisionKind.FAIL_STATIC_RELEASED));
        assertEquals(List.of(), world.decisions(DecisionKind.EVACUATION_DECIDED));
        assertEquals(List.of(), world.all(Action.PublishPlan.class));
    }

    @Test
    void anEvacuationWithNoReceiverIsHeldWithAReasonNotMarkedEvacuated() {
        // Every location already runs at its maximum: nobody can take anything.
        EngineHarness full = new EngineHarness(EngineConfig.defaults(), TestTopologies.equator(2000, 0, 1, 2, 3, 4,
                5, 6, 7, 8, 9, 10, 11, 12, 13, 14));
        full.run(10);

        full.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(30);

        assertEquals(LocationState.SUSPECT, full.stateOf("loc-07"));
        assertEquals(List.of(), full.decisions(DecisionKind.EVACUATION_DECIDED));
        assertEquals(List.of(), full.all(Action.PublishPlan.class));
        assertEquals(1, full.alerts(AlertKind.EVACUATION_HELD).size());
        assertTrue(full.alerts(AlertKind.EVACUATION_HELD).get(0).message().contains("no receiver"),
                full.alerts(AlertKind.EVACUATION_HELD).get(0).message());
    }
}
