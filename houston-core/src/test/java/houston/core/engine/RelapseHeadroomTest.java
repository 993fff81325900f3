package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.config.PlannerConfig;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Receivers keep a recently failed-back location's headroom for {@code planner.scale-down-after-failback}
 * (30 min by default) instead of the scale-down cooldown alone (15 min), so a relapse right after the
 * cooldown finds them grown.
 */
class RelapseHeadroomTest {

    private EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    /** loc-07 goes down, is evacuated to loc-06 (pre-scaled 10 → 16), comes back and is restored. */
    private void outageAndFullRecovery() {
        world.outageAndFullRecovery("loc-07");
    }

    private List<Integer> scaleDowns() {
        return world.all(Action.ScaleDown.class).stream().map(Action.ScaleDown::instances).toList();
    }

    @Test
    void aRelapseRightAfterTheCooldownFindsItsReceiverStillGrown() {
        outageAndFullRecovery();
        int preScalesBefore = world.all(Action.PreScale.class).size();
        world.run(16 * 60);
        // The scaler is slow now: a receiver that was scaled down would not be back in this test.
        world.confirmScaleUps = false;

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);

        assertEquals(List.of(), scaleDowns());
        assertEquals(preScalesBefore, world.all(Action.PreScale.class).size());
        assertEquals(1.0, world.fraction("loc-07", "loc-06"), 1e-9);
    }

    @Test
    void theReceiverGoesBackToItsOwnSizeWhenTheHoldEnds() {
        outageAndFullRecovery();

        world.run(29 * 60);
        List<Integer> during = scaleDowns();
        world.run(60 + 5);

        assertEquals(List.of(), during);
        assertEquals(List.of(10), scaleDowns());
    }

    @Test
    void eachRelapseDoublesTheHold() {
        outageAndFullRecovery();
        world.run(16 * 60);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);
        world.clear();
        // A relapse after a completed fail-back counts two (flap damping): up-hold and hold both ×4.
        while (world.stateOf("loc-07") != LocationState.HEALTHY) {
            world.tick();
        }

        world.run(119 * 60);
        List<Integer> during = scaleDowns();
        world.run(60 + 5);

        assertEquals(List.of(), during);
        assertEquals(List.of(10), scaleDowns());
    }

    /**
     * loc-06's platform grew it to 20 while it carried loc-07: after the cooldown it gives back only what loc-07's
     * evacuation would not need, and the rest when the hold ends.
     */
    @Test
    void aReceiverGrownBeyondWhatARelapseNeedsGivesBackOnlyTheRest() {
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);
        world.running("loc-06", 20).run(60);
        world.clear();
        while (world.stateOf("loc-07") != LocationState.HEALTHY) {
            world.tick();
        }

        world.run(15 * 60 + 5);
        List<Integer> afterCooldown = scaleDowns();
        world.run(15 * 60);

        // Its own 400 rps and loc-07's 400 at 100 rps per instance and target 0.5: 16 instances, as pre-scaled.
        assertEquals(List.of(16), world.all(Action.PreScale.class).stream().map(Action.PreScale::instances).toList());
        assertEquals(List.of(16), afterCooldown);
        assertEquals(List.of(16, 10), scaleDowns());
    }

    /** The default configuration with {@code planner.scale-down-after-failback} set to {@code hold}. */
    static EngineConfig holding(Duration hold) {
        PlannerConfig p = PlannerConfig.defaults();
        return EngineConfig.defaults().withPlanner(new PlannerConfig(p.receivers(), p.maxReceivers(), p.prescaleTimeout(),
                p.scaleDownCooldown(), hold));
    }

    @Test
    void withNoHoldTheReceiverReturnsAfterTheCooldownAlone() {
        world = new EngineHarness(holding(Duration.ZERO), TestTopologies.row(15));
        outageAndFullRecovery();

        world.run(15 * 60 + 5);

        assertEquals(List.of(10), scaleDowns());
    }
}
