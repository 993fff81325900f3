package houston.sim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The true world: its reactive autoscaler (an HPA) and its DNS clients. */
class SimWorldTest {

    private final SimWorld world = new SimWorld(SimFixtures.topology(), new DemandModel(SimFixtures.topology(),
            SimFixtures.PEAK, 1.0, 20, List.of()), List.of(), TtlModelTest.PROMPT, new SplittableRandom(1));

    private void runTo(long fromMs, long toMs) {
        for (long ms = fromMs; ms <= toMs; ms += 1000) {
            world.advance(ms);
        }
    }

    private static double[] all(int to) {
        double[] row = new double[8];
        row[to] = 1.0;
        return row;
    }

    @Test
    void theHpaScalesTowardTheCurrentNeedWithSeveralScaleUpsInFlight() {
        // loc-00 serves 800 rps on 10 instances of 100 (85 at target). Catchment 1 moves onto it at
        // 0 s (1,600 rps: 19 instances), catchment 2 at 30 s (2,400 rps: 29). Lead time 60 s.
        world.publish(1, 0, all(0));
        runTo(0, 29_000);
        world.publish(2, 30_000, all(0));
        runTo(30_000, 74_000);
        assertEquals(10, world.instances(0), "nothing ready before the first lead time");

        runTo(75_000, 104_000);
        assertEquals(19, world.instances(0), "the 15 s evaluation's scale-up is ready 60 s later");

        runTo(105_000, 106_000);
        assertEquals(29, world.instances(0), "the 45 s evaluation's scale-up was in flight beside it");
    }

    @Test
    void theHpaAsksOnlyForWhatIsNotAlreadyComing() {
        world.publish(1, 0, all(0));

        runTo(0, 200_000);

        assertEquals(19, world.instances(0));
    }

    @Test
    void aSlowScalerSlowsTheHpaTooAndAFailedOneStopsIt() {
        SimWorld slow = new SimWorld(SimFixtures.topology(), new DemandModel(SimFixtures.topology(), SimFixtures.PEAK,
                1.0, 20, List.of()), List.of(SimFixtures.fault(Fault.Kind.SCALER_SLOW, "", 0, 600, 3)),
                TtlModelTest.PROMPT, new SplittableRandom(1));
        SimWorld failed = new SimWorld(SimFixtures.topology(), new DemandModel(SimFixtures.topology(),
                SimFixtures.PEAK, 1.0, 20, List.of()), List.of(SimFixtures.fault(Fault.Kind.SCALER_FAIL, "", 0, 600, 0)),
                TtlModelTest.PROMPT, new SplittableRandom(1));
        for (SimWorld w : List.of(slow, failed)) {
            w.publish(1, 0, all(0));
            for (long ms = 0; ms <= 190_000; ms += 1000) {
                w.advance(ms);
            }
        }

        assertEquals(10, slow.instances(0), "asked at 15 s, three lead times: ready at 195 s");
        assertEquals(10, failed.instances(0));
        slow.advance(195_000);
        assertEquals(19, slow.instances(0));
    }
}
