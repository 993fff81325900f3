package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.health.Outcome;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A probe that times out after a good answer is most likely lost on the way, not a sign of a
 * dead location: it is weak evidence. Timeouts in a row are not (a blackholed location).
 */
class LostProbeTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    @Test
    void everyOtherProbeLostOnTwoVantagesDoesNotMakeALocationSuspect() {
        world.run(10);

        for (int i = 0; i < 120; i++) {
            if (i % 2 == 0) {
                world.fault("vantage-a", "loc-07", Outcome.TIMEOUT).fault("vantage-b", "loc-07", Outcome.TIMEOUT);
            } else {
                world.clear();
            }
            world.tick();
        }

        assertEquals(LocationState.HEALTHY, world.stateOf("loc-07"));
        assertEquals(List.of(), world.decisions(DecisionKind.SUSPECTED));
    }

    @Test
    void aBlackholedLocationWhoseProbesAllTimeOutIsStillEvacuatedWithinSeconds() {
        world.run(10);

        world.fault("vantage-a", "loc-07", Outcome.TIMEOUT).fault("vantage-b", "loc-07", Outcome.TIMEOUT)
                .fault("vantage-c", "loc-07", Outcome.TIMEOUT).run(6);

        assertTrue(world.stateOf("loc-07").isEvacuation(), "loc-07: " + world.stateOf("loc-07"));
    }
}
