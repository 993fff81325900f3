package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each relapse makes the next fail-back wait longer, as route-flap damping does: up-hold doubles. */
class FlapDampingTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    private void breakIt() {
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c");
    }

    /** Evacuated, then good until its fail-back starts, then bad again: one relapse. */
    private void oneRelapse() {
        world.run(10);
        breakIt();
        world.run(10);
        world.clear();
        while (world.stateOf("loc-07") != LocationState.RECOVERING) {
            world.tick();
        }
        breakIt();
        world.run(5);
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
    }

    @Test
    void afterOneRelapseTheNextFailBackWaitsTwiceTheUpHold() {
        oneRelapse();

        world.clear().run(110);
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
        world.run(15);
        assertEquals(LocationState.RECOVERING, world.stateOf("loc-07"));
    }

    @Test
    void afterTwoRelapsesItWaitsFourTimesTheUpHold() {
        oneRelapse();
        world.clear();
        while (world.stateOf("loc-07") != LocationState.RECOVERING) {
            world.tick();
        }
        breakIt();
        world.run(5);

        world.clear().run(230);
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
        world.run(15);
        assertEquals(LocationState.RECOVERING, world.stateOf("loc-07"));
    }

    @Test
    void aRelapseAfterACompletedFailBackCountsTwoTheNextFailBackWaitsFourTimesTheUpHold() {
        world.run(10);
        breakIt();
        world.run(10);
        world.clear();
        while (world.stateOf("loc-07") != LocationState.HEALTHY) {
            world.tick();
        }
        breakIt();
        world.run(10);

        world.clear().run(230);
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
        world.run(15);
        assertEquals(LocationState.RECOVERING, world.stateOf("loc-07"));
    }

    @Test
    void aLocationThatFailsAgainSoonAfterItsRestoreHasRelapsed() {
        world.run(10);
        breakIt();
        world.run(10);
        world.clear();
        while (world.stateOf("loc-07") != LocationState.HEALTHY) {
            world.tick();
        }
        breakIt();
        world.run(10);

        world.clear().run(110);
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
    }
}
