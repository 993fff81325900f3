package houston.core.plan;

import houston.core.config.PlannerConfig;
import houston.core.model.Topology;

import java.util.ArrayList;
import java.util.List;

/**
 * What a pool falls back to when the DNS data plane drops its home's records. Route 53 then
 * answers among the records left by weight, and among all of them evenly when every one weighs 0:
 * a catchment at home would be spread over every location, near or far. So, while the data-plane
 * fallback is configured, each pool whose home serves it gives a floor weight to the receivers the
 * planner would pick for an evacuation of that home at peak (its peak demand moved, every
 * neighbour carrying its own peak, up to {@code planner.max-receivers}); when the home is dropped,
 * the catchment goes to those, evenly, and nowhere else.
 *
 * <p>The floor is one unit of Route 53's 0..255 weights: in steady state a pool with k floored
 * receivers sends k/(255+k) of its catchment to them (1.2% for k = 3).
 */
public final class FallbackReceivers {

    /** Route 53's weight scale: a weight of 1 against the home's 255 (before normalising). */
    public static final double FLOOR = 1.0 / 255;

    private final Topology topology;
    private final NearestCapacityPlanner planner;

    public FallbackReceivers(Topology topology, PlannerConfig config) {
        this.topology = topology;
        this.planner = new NearestCapacityPlanner(topology, config);
    }

    /**
     * The floored receivers of pool {@code home}, nearest first; empty when the home does not serve
     * its own catchment (the pool is planned, its receivers already carry it). Only locations that
     * serve their own catchment are candidates: an evacuated location is no place to fall back to.
     *
     * @param rows the published rows, {@code rows[catchment][serving]} fractions
     */
    public List<Integer> of(int home, double[][] rows) {
        if (rows[home][home] <= 0) {
            return List.of();
        }
        int n = topology.size();
        double[] loads = new double[n];
        boolean[] eligible = new boolean[n];
        for (int l = 0; l < n; l++) {
            loads[l] = topology.location(l).peakDemandRps();
            eligible[l] = l != home && rows[l][l] > 0;
        }
        List<Integer> receivers = new ArrayList<>();
        planner.place(home, topology.location(home).peakDemandRps(), loads, eligible, new int[n]).receivers()
                .forEach(share -> receivers.add(topology.indexOf(share.location())));
        return receivers;
    }

    /**
     * Row {@code home} as published with its floors: each floored receiver gets at least
     * {@link #FLOOR}, and the row is normalised again (the home's share shrinks by what they take).
     */
    public double[] floored(int home, double[][] rows) {
        double[] row = rows[home].clone();
        List<Integer> receivers = of(home, rows);
        if (receivers.isEmpty()) {
            return row;
        }
        double sum = 0;
        for (int r : receivers) {
            row[r] = Math.max(row[r], FLOOR);
        }
        for (double f : row) {
            sum += f;
        }
        for (int s = 0; s < row.length; s++) {
            row[s] /= sum;
        }
        return row;
    }
}
