package houston.dns.records;

import houston.core.model.TrafficPlan;
import houston.core.plan.LargestRemainder;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Route 53 weights are integers 0..255 per record; a plan's rows are fractions. Rows become
 * weights summing to 255 by the largest-remainder method ({@link LargestRemainder}): no row can be
 * represented more closely with integer weights of that total.
 */
public final class Weights {

    public static final int TOTAL = 255;

    private Weights() {
    }

    public static long[] of(double[] fractions) {
        return LargestRemainder.apportion(fractions, TOTAL);
    }

    /** Fractions from weights: w / Σw (all zero: an even split, as Route 53 answers). */
    public static double[] fractions(long[] weights) {
        long sum = Arrays.stream(weights).sum();
        double[] f = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            f[i] = sum == 0 ? 1.0 / weights.length : (double) weights[i] / sum;
        }
        return f;
    }

    /**
     * The plan as DNS can hold it: every row turned into weights and read back as fractions, which
     * is exactly what reading the published records returns. Anything comparing a plan with the
     * live one compares this, or a 12.588% share never equals the 32/255 that DNS holds for it.
     */
    public static TrafficPlan asHeld(TrafficPlan plan) {
        List<String> ids = plan.ids();
        Map<String, Map<String, Double>> rows = new HashMap<>();
        for (int c = 0; c < ids.size(); c++) {
            double[] held = fractions(of(plan.row(c)));
            Map<String, Double> row = new HashMap<>();
            for (int s = 0; s < held.length; s++) {
                if (held[s] > 0) {
                    row.put(ids.get(s), held[s]);
                }
            }
            rows.put(ids.get(c), row);
        }
        return TrafficPlan.of(ids, rows, plan.generation());
    }
}
