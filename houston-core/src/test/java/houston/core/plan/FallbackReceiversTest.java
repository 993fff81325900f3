package houston.core.plan;

import houston.core.TestTopologies;
import houston.core.config.PlannerConfig;
import houston.core.model.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FallbackReceiversTest {

    private final Topology topology = TestTopologies.row(15);
    private final FallbackReceivers fallback = new FallbackReceivers(topology, PlannerConfig.defaults());

    @Test
    void aPoolAtHomeFallsBackToTheReceiversThePlannerPicksForItsHome() {
        double[][] rows = identity();

        List<Integer> receivers = fallback.of(7, rows);

        assertEquals(List.of(6, 8, 5), receivers);
    }

    @Test
    void anEvacuatedNeighbourIsPassedOver() {
        double[][] rows = identity();
        rows[6][6] = 0;
        rows[6][5] = 1;

        assertEquals(List.of(8, 5, 9), fallback.of(7, rows));
    }

    @Test
    void anEvacuatedPoolHasNoFloors() {
        double[][] rows = identity();
        rows[7][7] = 0;
        rows[7][6] = 1;

        assertEquals(List.of(), fallback.of(7, rows));
        assertArrayEquals(rows[7], fallback.floored(7, rows), 0);
    }

    @Test
    void theFloorIsOneWeightAgainstTheHomes255() {
        double[] row = fallback.floored(7, identity());

        double floor = 1.0 / 258;
        assertEquals(255.0 / 258, row[7], 1e-12);
        assertEquals(floor, row[6], 1e-12);
        assertEquals(floor, row[8], 1e-12);
        assertEquals(floor, row[5], 1e-12);
        assertEquals(0, row[9]);
    }

    @Test
    void theFloorsFollowEachReceiversRoomAndLeaveOutANearlyFullOne() {
        // Room at the maximum: "small" 100 rps (1%), "big" 4,900 (71%), "mid" 1,900 (28%) of 6,900.
        Topology uneven = Topology.greatCircle(List.of(
                TestTopologies.location("home", 0, 1000, capacity(100)),
                TestTopologies.location("small", 1, 100, capacity(4)),
                TestTopologies.location("big", 2, 100, capacity(100)),
                TestTopologies.location("mid", 3, 100, capacity(40))));
        FallbackReceivers planned = new FallbackReceivers(uneven, PlannerConfig.defaults());

        long[] floors = planned.floors(uneven.indexOf("home"), identity(4));

        long[] expected = new long[4];
        expected[uneven.indexOf("big")] = 2;
        expected[uneven.indexOf("mid")] = 1;
        assertArrayEquals(expected, floors);
    }

    private static houston.core.model.CapacityModel capacity(int maxInstances) {
        return new houston.core.model.CapacityModel(2, 100, 1, maxInstances, 0.5, java.time.Duration.ofSeconds(60));
    }

    private double[][] identity() {
        return identity(topology.size());
    }

    private static double[][] identity(int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            rows[i][i] = 1;
        }
        return rows;
    }
}
