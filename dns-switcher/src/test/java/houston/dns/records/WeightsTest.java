package houston.dns.records;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightsTest {

    @Test
    void aPlanAsHeldHasTheFractionsTheWeightsReadBackAs() {
        houston.core.model.TrafficPlan plan = houston.core.model.TrafficPlan.of(java.util.List.of("a", "b", "c"),
                java.util.Map.of("a", java.util.Map.of("b", 0.12588, "c", 0.87412)), 4);

        houston.core.model.TrafficPlan held = Weights.asHeld(plan);

        assertEquals(32 / 255.0, held.row(0)[1], 1e-12);
        assertEquals(223 / 255.0, held.row(0)[2], 1e-12);
        assertEquals(1.0, held.row(1)[1], 1e-12);
        assertEquals(4, held.generation());
    }

    @Test
    void homeRowIsAllWeightOnHome() {
        assertArrayEquals(new long[]{255, 0, 0}, Weights.of(new double[]{1, 0, 0}));
    }

    @Test
    void thirdsAreEqual() {
        assertArrayEquals(new long[]{85, 85, 85}, Weights.of(new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0}));
    }

    @Test
    void tieForTheLastUnitGoesToTheLowerIndex() {
        assertArrayEquals(new long[]{128, 127, 0}, Weights.of(new double[]{0.5, 0.5, 0}));
    }

    @Test
    void sixtyFortyIsExact() {
        assertArrayEquals(new long[]{0, 153, 102}, Weights.of(new double[]{0, 0.6, 0.4}));
    }

    @Test
    void everyRowSumsTo255AndNoWeightIsOffByAUnitOrMore() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 1000; trial++) {
            double[] f = random.doubles(15).map(d -> d < 0.6 ? 0 : d).toArray();
            double sum = Arrays.stream(f).sum();
            if (sum == 0) {
                continue;
            }
            long[] w = Weights.of(f);
            assertEquals(255, Arrays.stream(w).sum());
            for (int i = 0; i < f.length; i++) {
                assertTrue(Math.abs(w[i] - f[i] / sum * 255) < 1, "trial " + trial + " index " + i);
            }
        }
    }
}
