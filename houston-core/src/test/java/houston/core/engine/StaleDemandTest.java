package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.DemandConfig;
import houston.core.config.EngineConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Demand readings older than the max-age are ignored; a catchment left without a fresh one is planned on its peak. */
class StaleDemandTest {

    private final EngineHarness world = new EngineHarness(
            EngineConfig.defaults().withDemand(new DemandConfig(Duration.ofSeconds(30), 0.1)), TestTopologies.row(15));

    private double demandOf(String location) {
        return world.state.demand()[world.topology.indexOf(location)];
    }

    @Test
    void aFreshReadingIsPlannedOnAndItsTimeRemembered() {
        world.measuring("loc-03", 900).run(5);

        assertEquals(900, demandOf("loc-03"), 1e-9);
        assertEquals(world.now.toEpochMilli(), world.state.demandReadAt()[world.topology.indexOf("loc-03")]);
    }

    @Test
    void whenReadingsStopTheCatchmentFallsBackToItsPeakAfterTheMaxAgeWithOneAlert() {
        world.measuring("loc-03", 900).measuring("loc-04", 100).run(5);

        world.stopMeasuring().run(30);
        assertEquals(900, demandOf("loc-03"), 1e-9);
        world.run(60);

        assertEquals(400, demandOf("loc-03"), 1e-9);
        assertEquals(400, demandOf("loc-04"), 1e-9);
        assertEquals(1, world.alerts(AlertKind.DEMAND_STALE).size());
        String message = world.alerts(AlertKind.DEMAND_STALE).get(0).message();
        assertTrue(message.contains("loc-03 (read 31s ago, 900 rps; planning on its peak 400 rps)"), message);
        assertTrue(message.contains("loc-04"), message);
        assertEquals(DecisionKind.DEMAND_FALLBACK, world.alerts(AlertKind.DEMAND_STALE).get(0).decision().kind());
    }

    @Test
    void aReadingAlreadyOlderThanTheMaxAgeIsIgnored() {
        world.reading(new Inputs.DemandReading("loc-03", 900, world.now.toEpochMilli() - 60_000)).run(1);

        assertEquals(400, demandOf("loc-03"), 1e-9);
        assertEquals(0, world.state.demandReadAt()[world.topology.indexOf("loc-03")]);
    }

    @Test
    void measuringAgainAfterAFallbackPlansOnTheMeasurementAgain() {
        world.measuring("loc-03", 900).run(5);
        world.stopMeasuring().run(40);

        world.measuring("loc-03", 700).run(1);

        assertEquals(700, demandOf("loc-03"), 1e-9);
        assertEquals(1, world.alerts(AlertKind.DEMAND_STALE).size());
    }

    @Test
    void neverMeasuredDemandStaysOnThePeakWithoutAlerting() {
        world.run(200);

        assertEquals(400, demandOf("loc-03"), 1e-9);
        assertEquals(0, world.alerts(AlertKind.DEMAND_STALE).size());
    }
}
