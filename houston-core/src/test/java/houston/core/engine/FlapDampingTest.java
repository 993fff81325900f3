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

    /**
     * An evacuation cancelled before any traffic moved (its receivers were not ready and the location was good
     * again for an up-hold) showed only that one up-hold was too short: the evacuation after it counts one
     * relapse, where one after a completed fail-back (up-hold and every step) counts two. Counting two, the
     * drill of five-second blips two minutes apart held us-west-2 out for 16 minutes after the last blip.
     */
    @Test
    void anEvacuationAfterACancelledOneCountsOneRelapseNotTwo() {
        LocationTrack evacuating = LocationTrack.healthy(0).withIncident("loc-07@0")
                .withEvacuation("loc-07@0", new double[] {0, 1}, java.util.List.of("loc-06"), 300_000);

        LocationTrack afterCancel = FlapDamping.evacuated(evacuating.closed(70_000, true), 120_000);
        LocationTrack afterRestore = FlapDamping.evacuated(evacuating.closed(70_000), 120_000);

        assertEquals(1, afterCancel.relapses());
        assertEquals(2, afterRestore.relapses());
        assertEquals(120_000, FlapDamping.upHoldMillis(EngineConfig.defaults().hysteresis(), afterCancel));
    }
}
