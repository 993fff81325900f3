package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A receiver that was itself evacuated lately is passed over when a comparable one exists. Found
 * by a brownout alternating between neighbours: eu-west-1's users went to eu-west-2, evacuated
 * minutes before, just before it browned out again, and everything moved twice.
 */
class SteadyReceiversTest {

    @Test
    void aComparableSteadyReceiverIsPreferredToOneEvacuatedLately() {
        // loc-06 and loc-08 are both one degree from loc-07; by id, loc-06 would be chosen.
        EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));
        world.outageAndFullRecovery("loc-06");

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);

        assertEquals(0.0, world.fraction("loc-07", "loc-06"), 1e-9);
        assertEquals(1.0, world.fraction("loc-07", "loc-08"), 1e-9);
    }

    @Test
    void oneEvacuatedLatelyStillReceivesWhenEveryOtherIsFarAway() {
        // From loc-01, loc-00 is 1 degree away, the others ten or more: ten times as far is not comparable.
        EngineHarness world = new EngineHarness(EngineConfig.defaults(),
                TestTopologies.equator(400, 0, 1, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23));
        world.outageAndFullRecovery("loc-00");

        world.breakLocation("loc-01", "vantage-a", "vantage-b", "vantage-c").run(10);

        assertEquals(1.0, world.fraction("loc-01", "loc-00"), 1e-9);
    }

    @Test
    void longAfterItsFailBackAReceiverIsChosenAsAnyOther() {
        EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));
        world.outageAndFullRecovery("loc-06");
        world.run(31 * 60);

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);

        assertEquals(1.0, world.fraction("loc-07", "loc-06"), 1e-9);
    }
}
