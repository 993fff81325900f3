package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.engine.OperatorCommand.Evacuate;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScaleDownTest {

    /** The cooldown alone: what receivers keep for a relapse after a fail-back is {@link RelapseHeadroomTest}'s. */
    private final EngineHarness world = new EngineHarness(RelapseHeadroomTest.holding(Duration.ZERO), TestTopologies.row(15));

    /** loc-07 goes down, is evacuated to loc-05/06/08 (pre-scaled 10 → 11), comes back and is restored. */
    private void outageAndFullRecovery() {
        world.outageAndFullRecovery("loc-07");
    }

    private List<String> scaledDown() {
        return world.all(Action.ScaleDown.class).stream().map(Action.ScaleDown::location).sorted().toList();
    }

    @Test
    void receiversReturnToTheirOwnSizeAfterFailBackAndTheCooldown() {
        outageAndFullRecovery();

        world.run(15 * 60 + 5);

        assertEquals(List.of("loc-06"), scaledDown());
        assertEquals(10, world.all(Action.ScaleDown.class).get(0).instances());
    }

    @Test
    void noScaleDownBeforeTheCooldownHasPassed() {
        outageAndFullRecovery();

        world.run(14 * 60);

        assertEquals(List.of(), scaledDown());
    }

    @Test
    void noScaleDownWhileAnEvacuationReliesOnTheReceiver() {
        world.run(10);
        world.command(new Evacuate("loc-07", Duration.ofHours(3), "maintenance", "U-ops")).run(2 * 60 * 60);

        assertEquals(List.of(), scaledDown());
    }

    @Test
    void eachReturnToSizeIsOneScaleDown() {
        outageAndFullRecovery();

        world.run(45 * 60);

        assertEquals(List.of("loc-06"), scaledDown());
    }

    /**
     * Fifteen minutes after a fail-back during a 2x spike in the receivers' own catchments: the
     * receivers keep what their own (still doubled) measured demand needs at target, plus the headroom.
     */
    @Test
    void aReceiverIsNeverScaledBelowWhatItsOwnMeasuredDemandNeedsPlusTheHeadroom() {
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);
        // While they carry loc-07's users, their own catchments double and their platform grows them to 20.
        for (String r : List.of("loc-05", "loc-06", "loc-08")) {
            world.measuring(r, 800).running(r, 20);
        }
        world.run(60);
        world.clear();
        while (world.stateOf("loc-07") != LocationState.HEALTHY) {
            world.tick();
        }

        world.run(15 * 60 + 5);

        // loc-06, the nearest, took loc-07 alone and was pre-scaled; the others were never grown for it. 800 rps plus
        // 10% headroom at 100 rps per instance and target 0.5 needs 18 instances, not the configured 10.
        assertEquals(List.of(18), world.all(Action.ScaleDown.class).stream()
                .map(Action.ScaleDown::instances).toList());
        assertEquals(List.of("loc-06"), scaledDown());
    }

    @Test
    void aReceiverWhoseDemandReadingsWentStaleReturnsToTheSizeItsConfiguredPeakNeeds() {
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);
        world.measuring("loc-06", 800).running("loc-06", 20).run(60);
        world.stopMeasuring().clear();
        while (world.stateOf("loc-07") != LocationState.HEALTHY) {
            world.tick();
        }

        world.run(15 * 60 + 5);

        Action.ScaleDown loc06 = world.all(Action.ScaleDown.class).stream()
                .filter(d -> d.location().equals("loc-06")).findFirst().orElseThrow();
        assertEquals(10, loc06.instances());
    }
}
