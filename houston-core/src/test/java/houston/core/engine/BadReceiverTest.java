package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.health.Outcome;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A receiver that goes bad stops receiving, even when its own evacuation is held. */
class BadReceiverTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    private double othersOn(String serving) {
        double share = 0;
        for (String c : world.topology.ids()) {
            share += c.equals(serving) ? 0 : world.fraction(c, serving);
        }
        return share;
    }

    @Test
    void aReceiverThatFailsWhileItsEvacuationIsHeldByMaxEvacuatedStopsReceiving() {
        world.run(10);
        world.breakLocation("loc-06", "vantage-a", "vantage-b", "vantage-c")
                .breakLocation("loc-08", "vantage-a", "vantage-b", "vantage-c").run(10);
        assertTrue(othersOn("loc-07") > 0.3, "loc-07 receives the two evacuees: " + othersOn("loc-07"));

        // Two of three vantages: not unanimous, so max-evacuated holds its evacuation.
        world.breakLocation("loc-07", "vantage-a", "vantage-b");
        while (!world.state.report().isBad(world.topology.indexOf("loc-07"))) {
            world.tick();
        }

        assertEquals(LocationState.SUSPECT, world.stateOf("loc-07"));
        assertEquals(0.0, othersOn("loc-07"), 1e-12);
        for (String evacuee : new String[]{"loc-06", "loc-08"}) {
            int e = world.topology.indexOf(evacuee);
            assertEquals(0.0, world.state.track(e).evacuationRow()[world.topology.indexOf("loc-07")], 1e-12);
            assertEquals(0.0, world.fraction(evacuee, evacuee), 1e-12);
        }
        world.run(60);
        assertEquals(1, world.alerts(AlertKind.EVACUATION_HELD).size());
        assertEquals(0.0, othersOn("loc-07"), 1e-12);
    }

    @Test
    void aReceiverIsDrainedTheTickItIsSeenBad() {
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);
        String receiver = world.topology.ids().stream().filter(s -> !s.equals("loc-07")
                && world.fraction("loc-07", s) > 0.2).findFirst().orElseThrow();

        world.breakLocation(receiver, "vantage-a", "vantage-b", "vantage-c");
        while (!world.state.report().isBad(world.topology.indexOf(receiver))) {
            world.tick();
        }

        assertEquals(0.0, world.fraction("loc-07", receiver), 1e-12);
        assertEquals(0.0, world.fraction("loc-07", "loc-07"), 1e-12);
    }

    @Test
    void aReceiverLeftSuspectByNoiseThatFailStaticCalledUncorroboratedKeepsWhatItCarries() {
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);
        double onLoc06 = world.fraction("loc-07", "loc-06");
        assertTrue(onLoc06 > 0.2, "loc-06 receives loc-07: " + onLoc06);

        // Two CPU-starved vantages: their probes of ten locations are slow (the third sees them fine)
        // until fail-static calls it uncorroborated, then all is well; loc-11..14 stayed healthy.
        for (int i = 0; i <= 10; i++) {
            if (i != 7) {
                String l = String.format("loc-%02d", i);
                world.fault("vantage-a", l, Outcome.SLOW).fault("vantage-b", l, Outcome.SLOW);
            }
        }
        while (!world.state.failStatic()) {
            world.tick();
        }
        world.run(2);
        world.clear().breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c");
        while (world.state.failStatic()) {
            world.tick();
        }
        world.run(5);

        assertEquals(LocationState.SUSPECT, world.stateOf("loc-06"));
        assertEquals(onLoc06, world.fraction("loc-07", "loc-06"), 1e-12);
    }
}
