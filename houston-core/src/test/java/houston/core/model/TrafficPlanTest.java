package houston.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrafficPlanTest {

    private final List<String> ids = List.of("a", "b", "c");

    @Test
    void changingSeveralRowsAdvancesTheGenerationOnce() {
        TrafficPlan plan = TrafficPlan.identity(ids, 7);

        TrafficPlan next = plan.withRows(Map.of(0, new double[]{0, 0.5, 0.5}, 1, new double[]{0, 0.5, 0.5}));

        assertEquals(8, next.generation());
        assertEquals(7, plan.generation());
    }

    @Test
    void loadsSumDemandTimesFractions() {
        TrafficPlan plan = TrafficPlan.identity(ids, 1).withRow(0, new double[]{0, 0.25, 0.75});

        assertArrayEquals(new double[]{0, 100 + 25, 100 + 75}, plan.loads(new double[]{100, 100, 100}), 1e-9);
    }

    @Test
    void rowThatDoesNotSumToOneIsRefused() {
        TrafficPlan plan = TrafficPlan.identity(ids, 1);

        assertThrows(IllegalArgumentException.class, () -> plan.withRow(0, new double[]{0, 0.5, 0.4}));
    }
}
