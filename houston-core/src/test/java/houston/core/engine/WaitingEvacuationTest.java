package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.health.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A degraded (not dead) location waits for its receivers before traffic moves. Found by the
 * shared-database drill: one good tick cancelled the wait, the next bad one decided again, and
 * the cancelled decisions used up the evacuation rate limit while the location kept failing.
 */
class WaitingEvacuationTest {

    // 600 rps everywhere on 10 instances of 100: no receiver has ready room for a degraded evacuee
    // (DegradedShiftTest), so it waits for them.
    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(),
            TestTopologies.equator(600, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14));

    private void degrade() {
        world.fault("vantage-a", "loc-07", Outcome.SLOW).fault("vantage-b", "loc-07", Outcome.SLOW);
    }

    @Test
    void aFewGoodSecondsDoNotCancelAnEvacuationWaitingForItsReceivers() {
        world.confirmScaleUps = false;
        world.run(10);
        degrade();
        world.run(10);

        world.clear().run(10);
        degrade();
        world.run(10);

        assertEquals(List.of(), world.decisions(DecisionKind.EVACUATION_CANCELLED));
        assertEquals(1, world.decisions(DecisionKind.EVACUATION_DECIDED).size());
    }

    @Test
    void aCancelledEvacuationDoesNotCountAgainstTheRateLimit() {
        world.confirmScaleUps = false;
        world.run(10);
        degrade();
        world.run(10);

        world.clear().run(70);

        assertEquals(1, world.decisions(DecisionKind.EVACUATION_CANCELLED).size());
        assertEquals(List.of(), world.state.recentEvacuations());
    }
}
