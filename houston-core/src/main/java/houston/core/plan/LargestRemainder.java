package houston.core.plan;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Fractions as whole units summing to a total, by the largest-remainder method: each gets the
 * floor of its exact share, and the units left go to the largest remainders (ties to the lower
 * index, for determinism). No split can be represented more closely with whole units of that
 * total. O(n log n).
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /** {@code fractions} (any scale; all zero gives all zero) as units summing to {@code total}. */
    public static long[] apportion(double[] fractions, long total) {
        double sum = Arrays.stream(fractions).sum();
        long[] units = new long[fractions.length];
        double[] remainder = new double[fractions.length];
        long assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            double exact = sum == 0 ? 0 : fractions[i] / sum * total;
            units[i] = (long) Math.floor(exact + 1e-9);
            remainder[i] = exact - units[i];
            assigned += units[i];
        }
        Integer[] order = new Integer[fractions.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -remainder[i]).thenComparingInt(i -> i));
        for (int k = 0; assigned < total && sum > 0; k++) {
            units[order[k % order.length]]++;
            assigned++;
        }
        return units;
    }
}
