package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One incident per degradation, one alert per distinct reason per incident. */
class AlertStormTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    @Test
    void aLocationFlappingUnderAHoldIsOneIncidentWithOneAlert() {
        world.run(10);
        world.breakLocation("loc-01", "vantage-a", "vantage-b").breakLocation("loc-13", "vantage-a", "vantage-b").run(20);

        for (int cycle = 0; cycle < 6; cycle++) {
            world.breakLocation("loc-07", "vantage-a", "vantage-b").run(6);
            world.fault("vantage-a", "loc-07", houston.core.health.Outcome.OK)
                    .fault("vantage-b", "loc-07", houston.core.health.Outcome.OK).run(14);
        }

        assertEquals(1, world.alerts(AlertKind.EVACUATION_HELD).size());
        assertEquals(1, world.decisions(DecisionKind.SUSPECTED).stream().filter(d -> d.location().equals("loc-07"))
                .count());
    }
}
