package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.model.LocationState;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A location that relapses within {@code planner.scale-down-after-failback} of its fail-back finds its receivers
 * still holding what its evacuation needs: no receiver is pre-scaled again, and its whole catchment moves in the
 * first shift, wherever it sits in the row and whenever in the hold (past the scale-down cooldown) it relapses.
 */
class RelapseHeadroomPropertyTest {

    // At least 11 locations: the default min-serving (10) holds a smaller world's evacuation.
    @Property(tries = 12)
    void aRelapseWithinTheHoldNeedsNoNewPreScale(@ForAll @IntRange(min = 11, max = 16) int size,
                                                 @ForAll @IntRange(min = 0, max = 15) int at,
                                                 @ForAll @IntRange(min = 15, max = 29) int relapseAfterMinutes) {
        String failing = String.format("loc-%02d", at % size);
        EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(size));
        world.run(10);
        world.breakLocation(failing, "vantage-a", "vantage-b", "vantage-c").run(10);
        world.clear();
        while (world.stateOf(failing) != LocationState.HEALTHY) {
            world.tick();
        }
        int preScales = world.all(Action.PreScale.class).size();
        world.run(relapseAfterMinutes * 60);
        world.confirmScaleUps = false;

        world.breakLocation(failing, "vantage-a", "vantage-b", "vantage-c").run(10);

        assertEquals(preScales, world.all(Action.PreScale.class).size());
        assertEquals(0.0, world.fraction(failing, failing), 1e-9);
        assertEquals(List.of(), world.all(Action.ScaleDown.class));
    }
}
