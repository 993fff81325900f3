package houston.core.plan;

import houston.core.config.PlannerConfig;
import houston.core.model.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a pool falls back to when the DNS data plane drops its home's records. Route 53 then
 * answers among the records left by weight, and among all of them evenly when every one weighs 0:
 * a catchment at home would be spread over every location, near or far. So, while the data-plane
 * fallback is configured, each pool whose home serves it gives floor weights to the receivers the
 * planner lets take a location's users at once (its {@code planner.receivers} nearest eligible
 * locations with spare capacity at peak); when the home is dropped, the catchment goes to those
 * and nowhere else.
 *
 * <p>Not the planner's nearest-first placement: that is where users end up once the receivers
 * have scaled, often one receiver holding the whole catchment at its maximum. A dropped record
 * moves the whole catchment in one TTL, before anything scales, so the floors spread it over the
 * receivers in proportion to each one's room at its maximum (each fills the same part of its
 * room), in k units of Route 53's 0..255 weights for k receivers (largest remainder): three
 * alike are 1, 1, 1; room of 71%, 28% and 1% is 2, 1 and nothing — a nearly full receiver that
 * would take a whole third of the catchment is left out. In steady state the floors send at most
 * k/(255+k) of the catchment to them (1.2% for k = 3).
 */
public final class FallbackReceivers {

    private final Topology topology;
    private final NearestCapacityPlanner planner;
    private final int receivers;

    public FallbackReceivers(Topology topology, PlannerConfig config) {
        this.topology = topology;
        this.planner = new NearestCapacityPlanner(topology, config);
        this.receivers = config.receivers();
    }

    /** The most weight units a pool's floors add up to: one per receiver the planner names at once. */
    public int maxUnits() {
        return receivers;
    }

    /**
     * The floor weight of each location in pool {@code home} (0: none), in Route 53 weight units
     * against the home's 255. All 0 when the home does not serve its own catchment (the pool is
     * planned, its receivers already carry it). Only locations that serve their own catchment are
     * candidates: an evacuated location is no place to fall back to.
     *
     * @param rows the published rows, {@code rows[catchment][serving]} fractions
     */
    public long[] floors(int home, double[][] rows) {
        int n = topology.size();
        if (rows[home][home] <= 0) {
            return new long[n];
        }
        // What each location carries at peak under these rows: a receiver already holding another
        // location's evacuation has that much less room for this pool's users.
        double[] loads = new double[n];
        boolean[] eligible = new boolean[n];
        for (int c = 0; c < n; c++) {
            for (int l = 0; l < n; l++) {
                loads[l] += topology.location(c).peakDemandRps() * rows[c][l];
            }
        }
        for (int l = 0; l < n; l++) {
            eligible[l] = l != home && rows[l][l] > 0;
        }
        // No demand moved: the planner names its receivers nearest with spare capacity, the ones it
        // lets take a degraded location's users at once.
        List<ReceiverShare> shares = planner.place(home, 0, loads, eligible, new int[n]).receivers();
        double room = shares.stream().mapToDouble(FallbackReceivers::room).sum();
        double[] split = new double[n];
        shares.forEach(s -> split[topology.indexOf(s.location())] = room(s) / room);
        return LargestRemainder.apportion(split, shares.size());
    }

    private static double room(ReceiverShare share) {
        return share.maxRpsAtTarget() - share.loadBeforeRps();
    }

    /** The locations with a floor in pool {@code home}, nearest first. */
    public List<Integer> of(int home, double[][] rows) {
        long[] floors = floors(home, rows);
        List<Integer> receivers = new ArrayList<>();
        for (int rank = 0; rank < topology.size() - 1; rank++) {
            int r = topology.neighbour(home, rank);
            if (floors[r] > 0) {
                receivers.add(r);
            }
        }
        return receivers;
    }

    /** Every pool's row as Route 53 holds it with its floors ({@link #floored(int, double[][])}). */
    public double[][] floored(double[][] rows) {
        double[][] floored = new double[rows.length][];
        for (int pool = 0; pool < rows.length; pool++) {
            floored[pool] = floored(pool, rows);
        }
        return floored;
    }

    /**
     * Requests/s each location serves when pool c sends {@code demand[c]} and Route 53 answers its
     * {@code flooredRows[c]} with the records of {@code dropped} left out ({@link #withoutDropped}).
     */
    public static double[] loads(double[][] flooredRows, Set<Integer> dropped, double[] demand) {
        double[] loads = new double[flooredRows.length];
        for (int c = 0; c < flooredRows.length; c++) {
            double[] answer = withoutDropped(flooredRows[c], dropped);
            for (int s = 0; s < answer.length; s++) {
                loads[s] += demand[c] * answer[s];
            }
        }
        return loads;
    }

    /**
     * What a pool answers when the records of {@code dropped} are left out: the records left,
     * renormalised; when every record left weighs 0, Route 53 answers them all with equal
     * probability (the coarse split a pool at home without floors falls back to).
     */
    public static double[] withoutDropped(double[] weights, Set<Integer> dropped) {
        double[] row = new double[weights.length];
        if (dropped.isEmpty()) {
            return weights.clone();
        }
        double sum = 0;
        for (int s = 0; s < row.length; s++) {
            row[s] = dropped.contains(s) ? 0 : weights[s];
            sum += row[s];
        }
        int healthy = weights.length - dropped.size();
        for (int s = 0; s < row.length; s++) {
            if (!dropped.contains(s)) {
                row[s] = sum > 0 ? row[s] / sum : 1.0 / healthy;
            }
        }
        return row;
    }

    /**
     * Row {@code home} as Route 53 holds it with its floors, as fractions: the row in weights of
     * 255, each location raised to at least its floor, normalised again (the home's share shrinks
     * by what the floors take).
     */
    public double[] floored(int home, double[][] rows) {
        double[] row = rows[home].clone();
        long[] floors = floors(home, rows);
        if (java.util.Arrays.stream(floors).allMatch(f -> f == 0)) {
            return row;
        }
        double sum = 0;
        for (int s = 0; s < row.length; s++) {
            row[s] = Math.max(row[s], floors[s] / 255.0);
            sum += row[s];
        }
        for (int s = 0; s < row.length; s++) {
            row[s] /= sum;
        }
        return row;
    }
}
