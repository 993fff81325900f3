package houston.core.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which serving location answers which catchment: a row-stochastic matrix
 * {@code catchment → serving location → fraction}, plus a generation.
 *
 * <p>The normal plan is the identity (every catchment served at home). Evacuating {@code L}
 * replaces row {@code L} with fractions over its receivers. The generation grows by one with
 * every change, so a publisher can tell new from stale and publishing the same generation twice
 * is a no-op. Instances are immutable; {@link #withRow} copies the O(n²) matrix, which happens
 * only when a decision changes traffic, never on a quiet tick.
 */
public final class TrafficPlan {

    /** Every row of a plan sums to 1 within this, and has no negative fraction. */
    public static final double ROW_TOLERANCE = 1e-9;
    /** A row given further than this from a distribution is refused as a bug, not rounded. */
    public static final double ACCEPT_TOLERANCE = 1e-6;
    /** Fractions below this (a thousandth of a request per second in a million) are rounding: dropped. */
    public static final double DUST = 1e-9;

    private final List<String> ids;
    private final double[][] fractions;
    private final long generation;

    private TrafficPlan(List<String> ids, double[][] fractions, long generation) {
        this.ids = ids;
        this.fractions = fractions;
        this.generation = generation;
    }

    /** Every catchment served at home, at the given generation. */
    public static TrafficPlan identity(List<String> ids, long generation) {
        double[][] f = new double[ids.size()][ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            f[i][i] = 1.0;
        }
        return new TrafficPlan(List.copyOf(ids), f, generation);
    }

    /** A plan from explicit rows (catchment → serving → fraction); missing entries are 0. */
    public static TrafficPlan of(List<String> ids, Map<String, Map<String, Double>> rows, long generation) {
        TrafficPlan plan = identity(ids, generation);
        for (Map.Entry<String, Map<String, Double>> row : rows.entrySet()) {
            int c = plan.indexOf(row.getKey());
            double[] r = new double[ids.size()];
            row.getValue().forEach((serving, fraction) -> r[plan.indexOf(serving)] = fraction);
            plan.fractions[c] = exactRow(row.getKey(), r);
        }
        return plan;
    }

    /**
     * The row as the plan keeps it: exact. Arithmetic on fractions leaves remainders (a receiver's
     * share cut to its headroom and moved on, -1.4e-17 left behind; 2.2e-16 left on an evacuated
     * location; 1.0000000000000004): fractions below {@link #DUST} become 0 and the row is
     * rescaled so that it sums to 1, the last rounding folded into its largest fraction. Every
     * row of every plan is therefore non-negative and sums to 1 within {@link #ROW_TOLERANCE}.
     * A row wrong by more than {@link #ACCEPT_TOLERANCE} (a negative share, a missing tenth) is a
     * bug in its maker and is refused, never silently repaired. O(locations).
     *
     * @throws IllegalArgumentException naming the catchment and the wrong value
     */
    public static double[] exactRow(String catchment, double[] row) {
        double sum = 0;
        for (double v : row) {
            if (!(v >= -ACCEPT_TOLERANCE && v <= 1 + ACCEPT_TOLERANCE)) {
                throw new IllegalArgumentException("row " + catchment + " has fraction " + v + " (expected: 0..1)");
            }
            sum += v;
        }
        if (Math.abs(sum - 1.0) > ACCEPT_TOLERANCE) {
            throw new IllegalArgumentException("row " + catchment + " sums to " + sum + " (expected: 1)");
        }
        double[] exact = new double[row.length];
        double kept = 0;
        int largest = 0;
        for (int i = 0; i < row.length; i++) {
            exact[i] = row[i] < DUST ? 0 : row[i];
            kept += exact[i];
            largest = exact[i] > exact[largest] ? i : largest;
        }
        double others = 0;
        for (int i = 0; i < row.length; i++) {
            if (i != largest) {
                exact[i] /= kept;
                others += exact[i];
            }
        }
        exact[largest] = 1.0 - others;
        return exact;
    }

    private int indexOf(String id) {
        int i = ids.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("unknown location '" + id + "' in plan");
        }
        return i;
    }

    public long generation() {
        return generation;
    }

    public List<String> ids() {
        return ids;
    }

    public int size() {
        return ids.size();
    }

    public double fraction(int catchment, int serving) {
        return fractions[catchment][serving];
    }

    public double fraction(String catchment, String serving) {
        return fractions[indexOf(catchment)][indexOf(serving)];
    }

    /** A copy of one row. */
    public double[] row(int catchment) {
        return fractions[catchment].clone();
    }

    /** True when the catchment is served entirely at home. */
    public boolean isHome(int catchment) {
        return fractions[catchment][catchment] >= 1.0 - ACCEPT_TOLERANCE;
    }

    /** A new plan, one generation on, with one row replaced. */
    public TrafficPlan withRow(int catchment, double[] row) {
        return withRows(Map.of(catchment, row));
    }

    /** A new plan, one generation on (however many rows change), with the given rows replaced. */
    public TrafficPlan withRows(Map<Integer, double[]> rows) {
        double[][] copy = fractions.clone();
        rows.forEach((catchment, row) -> {
            copy[catchment] = exactRow(ids.get(catchment), row);
        });
        return new TrafficPlan(ids, copy, generation + 1);
    }

    /** The same rows at another generation (e.g. a plan read back from DNS). */
    public TrafficPlan atGeneration(long newGeneration) {
        return new TrafficPlan(ids, fractions, newGeneration);
    }

    /** Requests/s each location serves under this plan: Σ demand(c) × plan(c → s); O(n²). */
    public double[] loads(double[] demand) {
        double[] load = new double[ids.size()];
        for (int c = 0; c < fractions.length; c++) {
            double[] row = fractions[c];
            for (int s = 0; s < row.length; s++) {
                load[s] += demand[c] * row[s];
            }
        }
        return load;
    }

    /** Rows as catchment → serving → fraction, listing only non-zero fractions, in id order. */
    public Map<String, Map<String, Double>> toMap() {
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        for (int c = 0; c < ids.size(); c++) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (int s = 0; s < ids.size(); s++) {
                if (fractions[c][s] > 0) {
                    row.put(ids.get(s), fractions[c][s]);
                }
            }
            result.put(ids.get(c), row);
        }
        return result;
    }

    /** Same rows, whatever the generation. */
    public boolean sameRowsAs(TrafficPlan other) {
        return ids.equals(other.ids) && Arrays.deepEquals(fractions, other.fractions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficPlan p && p.generation == generation && sameRowsAs(p);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(generation) * 31 + Arrays.deepHashCode(fractions);
    }

    @Override
    public String toString() {
        Map<String, Map<String, Double>> all = toMap();
        all.keySet().removeIf(c -> isHome(ids.indexOf(c)));
        return "TrafficPlan{generation=" + generation + ", moved=" + all + "}";
    }
}
