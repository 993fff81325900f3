package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.health.Outcome;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grey failure: a location that fails one request in ten never fails enough probes of the
 * five-second window at once, yet its users fail steadily. It is judged on its error rate over a
 * longer window, once that rate is surely above the line; lost probes (timeouts) are not errors.
 */
class GreyFailureTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    /** Every vantage sees one error in {@code period} probes of loc-07, the vantages out of step. */
    private void failOneIn(int period, Outcome outcome, int seconds) {
        for (int i = 0; i < seconds; i++) {
            world.clear();
            for (int v = 0; v < 3; v++) {
                if ((i + 3 * v) % period == 0) {
                    world.fault("vantage-" + (char) ('a' + v), "loc-07", outcome);
                }
            }
            world.tick();
        }
        world.clear();
    }

    @Test
    void aSteadyTenPercentErrorRateIsEvacuatedWithinTwoMinutesInOneIncident() {
        world.run(600);

        failOneIn(10, Outcome.HTTP_ERROR, 120);

        assertTrue(world.stateOf("loc-07").isEvacuation(), "loc-07: " + world.stateOf("loc-07"));
        assertEquals(1, world.decisions(DecisionKind.SUSPECTED).size(), world.decisions(DecisionKind.SUSPECTED).toString());
    }

    @Test
    void flickersHalfAMinuteApartAreOneIncidentNotOneEach() {
        world.run(600);

        for (int flicker = 0; flicker < 4; flicker++) {
            // Errors two seconds apart on two vantages: three of the last five probes bad for one
            // tick, below the down threshold for less than the down-hold.
            for (int i = 0; i < 30; i++) {
                world.clear();
                if (i == 0 || i == 2 || i == 4) {
                    world.fault("vantage-a", "loc-07", Outcome.HTTP_ERROR).fault("vantage-b", "loc-07", Outcome.HTTP_ERROR);
                }
                world.tick();
            }
        }

        assertEquals(1, world.decisions(DecisionKind.SUSPECTED).size(), world.decisions(DecisionKind.SUSPECTED).toString());
    }

    @Test
    void aFivePercentErrorRateIsEvacuatedWithinTwoMinutes() {
        world.run(600);

        failOneIn(20, Outcome.HTTP_ERROR, 120);

        assertTrue(world.stateOf("loc-07").isEvacuation(), "loc-07: " + world.stateOf("loc-07"));
    }

    @Test
    void tenPercentLostProbesForAnHourEvacuateNothing() {
        world.run(600);

        failOneIn(10, Outcome.TIMEOUT, 3600);

        assertEquals(LocationState.HEALTHY, world.stateOf("loc-07"));
        assertEquals(0, world.decisions(DecisionKind.SUSPECTED).size());
    }

    @Test
    void fivePercentConnectErrorsForAnHourEvacuateNothing() {
        // Refused or reset connections scattered at random are the probe's path as often as the
        // location (the lab's probe loss, a flaky NAT): only a location that answers badly is grey.
        world.run(600);

        failOneIn(20, Outcome.CONNECT_ERROR, 3600);

        assertEquals(LocationState.HEALTHY, world.stateOf("loc-07"));
        assertEquals(0, world.decisions(DecisionKind.EVACUATION_DECIDED).size());
    }

    @Test
    void aBrownoutThatEndsIsNoLongerGreyOnceItsCleanRunIsImprobableAtItsRate() {
        // 40% of requests failing, then none: at that rate 20 clean probes in a row happen once in 30,000,
        // so the errors have stopped; the two-minute window alone held the location bad for two minutes
        // more, and a location left in place (the safety limits held it) was evacuated after it had recovered.
        world.run(600);
        for (int i = 0; i < 90; i++) {
            world.clear();
            if (i % 5 < 2) {
                world.fault("vantage-a", "loc-07", Outcome.HTTP_ERROR).fault("vantage-b", "loc-07", Outcome.HTTP_ERROR)
                        .fault("vantage-c", "loc-07", Outcome.HTTP_ERROR);
            }
            world.tick();
        }
        world.clear();

        world.run(20);

        int l = world.topology.indexOf("loc-07");
        assertTrue(world.state.report().location(l).score() > 0.5, "loc-07 scores "
                + world.state.report().location(l).score() + " 20 s after its errors stopped");
    }

    @Test
    void aSteadyTenPercentErrorRateStaysOneEvacuationForTenMinutes() {
        // Ten percent errors leave clean runs of 30 probes now and then: not improbable enough at that rate.
        world.run(600);

        failOneIn(10, Outcome.HTTP_ERROR, 600);

        assertTrue(world.stateOf("loc-07").isEvacuation(), "loc-07: " + world.stateOf("loc-07"));
        assertEquals(1, world.decisions(DecisionKind.SUSPECTED).size(), world.decisions(DecisionKind.SUSPECTED).toString());
        assertEquals(0, world.decisions(DecisionKind.FAILBACK_STEP).size());
    }

    @Test
    void aLocationWhoseErrorsStopIsFailedBackOnceItsRateIsSurelyLow() {
        world.run(600);
        failOneIn(10, Outcome.HTTP_ERROR, 120);

        world.run(600);

        assertEquals(LocationState.HEALTHY, world.stateOf("loc-07"));
    }
}
