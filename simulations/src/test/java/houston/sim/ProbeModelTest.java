package houston.sim;

import houston.core.health.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Probes do not read the true state for free: what each failure costs the prober. */
class ProbeModelTest {

    private static final double OBJECTIVE_MS = 800;
    private static final long TIMEOUT_MS = 2000;

    private final SplittableRandom random = new SplittableRandom(3);

    private static SimWorld world(Fault fault) {
        return new SimWorld(SimFixtures.topology(), new DemandModel(SimFixtures.topology(), SimFixtures.PEAK, 1.0, 20,
                List.of()), List.of(fault), TtlModelTest.PROMPT, new SplittableRandom(1));
    }

    private Outcome probe(SimWorld w) {
        return w.probe(3, 1000, 0.0, OBJECTIVE_MS, TIMEOUT_MS, random);
    }

    @Test
    void aBlackholedLocationCostsTheProbeItsWholeTimeout() {
        SimWorld w = world(SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 0, 60, 0));

        Outcome o = probe(w);

        assertEquals(Outcome.TIMEOUT, o);
        assertEquals(TIMEOUT_MS, w.probeCostMs(3, 1000, o, TIMEOUT_MS));
    }

    @Test
    void aRefusingLocationCostsTheProbeOneConnectRoundTrip() {
        SimWorld w = world(SimFixtures.fault(Fault.Kind.REFUSE, "loc-03", 0, 60, 0));

        Outcome o = probe(w);

        assertEquals(Outcome.CONNECT_ERROR, o);
        assertEquals((long) SimWorld.PROBE_RTT_MS, w.probeCostMs(3, 1000, o, TIMEOUT_MS));
    }

    @Test
    void latencyAboveTheProbeTimeoutIsATimeoutNotSlow() {
        SimWorld w = world(SimFixtures.fault(Fault.Kind.LATENCY, "loc-03", 0, 60, 3000));

        Outcome o = probe(w);

        assertEquals(Outcome.TIMEOUT, o);
        assertEquals(TIMEOUT_MS, w.probeCostMs(3, 1000, o, TIMEOUT_MS));
    }

    @Test
    void latencyBetweenTheObjectiveAndTheTimeoutIsSlowAndCostsThatLatency() {
        SimWorld w = world(SimFixtures.fault(Fault.Kind.LATENCY, "loc-03", 0, 60, 1000));

        Outcome o = probe(w);

        assertEquals(Outcome.SLOW, o);
        assertEquals(1050, w.probeCostMs(3, 1000, o, TIMEOUT_MS));
    }

    @Test
    void aLostProbeIsATimeout() {
        SimWorld w = world(SimFixtures.fault(Fault.Kind.LATENCY, "loc-05", 0, 60, 0));

        Outcome o = w.probe(3, 1000, 1.0, OBJECTIVE_MS, TIMEOUT_MS, random);

        assertEquals(Outcome.TIMEOUT, o);
    }
}
