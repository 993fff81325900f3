package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quiet: a state a fresh start would rebuild, so a journal may replay from there. */
class QuietStateTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    @Test
    void aFreshStartIsQuiet() {
        world.run(10);

        assertTrue(world.engine.isQuiet(world.state));
    }

    @Test
    void anEvacuatedLocationIsNotQuiet() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(10);

        assertFalse(world.engine.isQuiet(world.state));
    }

    @Test
    void aRecoveredLocationIsQuietOnceItsReceiversAreBackToTheirSizeAndTheRateWindowIsOver() {
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(10);

        // The receivers keep loc-07's headroom for scale-down-after-failback (30 min) after its fail-back completes.
        world.clear().run(60 * 30);
        boolean whileHolding = world.engine.isQuiet(world.state);
        world.run(60 * 5);

        assertFalse(whileHolding);
        assertTrue(world.engine.isQuiet(world.state));
    }
}
