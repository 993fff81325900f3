package houston.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aTinyNegativeRemainderIsFoldedInInsteadOfRefused() {
        TrafficPlan plan = TrafficPlan.identity(ids, 1);

        TrafficPlan next = plan.withRow(0, new double[]{-1.3877787807814457E-17, 0.6, 0.4 + 1.3877787807814457E-17});

        assertEquals(0.0, next.fraction("a", "a"));
        assertEquals(1.0, next.fraction("a", "b") + next.fraction("a", "c"), 1e-15);
    }

    @Test
    void aFractionJustAboveOneIsBroughtToExactlyOne() {
        TrafficPlan next = TrafficPlan.identity(ids, 1).withRow(0, new double[]{0, 1.0000000000000004, 0});

        assertEquals(1.0, next.fraction("a", "b"));
        assertEquals(0.0, next.fraction("a", "c"));
    }

    @Test
    void aRemainderLeftOnAnEvacuatedLocationIsFoldedIntoItsReceivers() {
        TrafficPlan next = TrafficPlan.identity(ids, 1).withRow(0, new double[]{2.220446049250313E-16, 0.25, 0.75});

        assertEquals(0.0, next.fraction("a", "a"));
        assertEquals(1.0, next.fraction("a", "b") + next.fraction("a", "c"), 1e-15);
        assertTrue(next.isHome(1));
    }

    @Test
    void everyRowIsExactWhateverTheRoundingOfItsInputs() {
        double third = 1.0 / 3;
        TrafficPlan plan = TrafficPlan.of(ids, Map.of("a", Map.of("a", 1e-12, "b", third, "c", third * 2)), 3);

        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (double v : plan.row(c)) {
                assertTrue(v >= 0, "fraction " + v);
                sum += v;
            }
            assertEquals(1.0, sum, TrafficPlan.ROW_TOLERANCE);
        }
        assertEquals(0.0, plan.fraction("a", "a"));
    }

    @Test
    void aRowThatIsWrongBeyondRoundingIsStillRefused() {
        TrafficPlan plan = TrafficPlan.identity(ids, 1);

        assertThrows(IllegalArgumentException.class, () -> plan.withRow(0, new double[]{-0.01, 0.5, 0.51}));
    }
}
