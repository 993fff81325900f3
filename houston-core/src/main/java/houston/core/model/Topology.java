package houston.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The serving locations and the distances between them.
 *
 * <p>Locations are held sorted by id and addressed by that index everywhere in the engine, so
 * that per-tick work is array access rather than map lookups. Each location's neighbours are
 * ranked once, at construction, by (distance, id): {@link #nearest} is deterministic, ties
 * broken by id. Construction is O(n² log n); every query after it is O(1) or O(k).
 */
public final class Topology {

    private final List<Location> locations;
    private final Map<String, Integer> index;
    private final double[][] distance;
    private final int[][] neighbours;

    private Topology(List<Location> locations, double[][] distance) {
        this.locations = locations;
        this.distance = distance;
        this.index = new HashMap<>();
        for (int i = 0; i < locations.size(); i++) {
            if (index.put(locations.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate location id " + locations.get(i).id());
            }
        }
        this.neighbours = new int[locations.size()][];
        for (int i = 0; i < locations.size(); i++) {
            neighbours[i] = rankNeighbours(i);
        }
    }

    /** Distances are great-circle kilometres between the locations' positions. */
    public static Topology greatCircle(List<Location> locations) {
        List<Location> sorted = sortedById(locations);
        double[][] d = new double[sorted.size()][sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = 0; j < sorted.size(); j++) {
                d[i][j] = i == j ? 0 : sorted.get(i).position().distanceKm(sorted.get(j).position());
            }
        }
        return new Topology(sorted, d);
    }

    /**
     * Distances given by the caller (e.g. measured RTT in ms), looked up as
     * {@code distance.get(from).get(to)}; every ordered pair of distinct locations must be present.
     */
    public static Topology withDistances(List<Location> locations, Map<String, Map<String, Double>> distance) {
        List<Location> sorted = sortedById(locations);
        double[][] d = new double[sorted.size()][sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = 0; j < sorted.size(); j++) {
                if (i == j) {
                    continue;
                }
                String from = sorted.get(i).id();
                String to = sorted.get(j).id();
                Double value = distance.getOrDefault(from, Map.of()).get(to);
                if (value == null || value < 0) {
                    throw new IllegalArgumentException("no distance from " + from + " to " + to);
                }
                d[i][j] = value;
            }
        }
        return new Topology(sorted, d);
    }

    private static List<Location> sortedById(List<Location> locations) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("a topology needs at least one location");
        }
        List<Location> sorted = new ArrayList<>(locations);
        sorted.sort(Comparator.comparing(Location::id));
        return Collections.unmodifiableList(sorted);
    }

    private int[] rankNeighbours(int from) {
        Integer[] others = new Integer[locations.size() - 1];
        int n = 0;
        for (int j = 0; j < locations.size(); j++) {
            if (j != from) {
                others[n++] = j;
            }
        }
        // Ids are sorted, so the index is the id tie-breaker.
        Arrays.sort(others, Comparator.<Integer>comparingDouble(j -> distance[from][j]).thenComparingInt(j -> j));
        return Arrays.stream(others).mapToInt(Integer::intValue).toArray();
    }

    public int size() {
        return locations.size();
    }

    public List<Location> locations() {
        return locations;
    }

    public Location location(int i) {
        return locations.get(i);
    }

    public Location location(String id) {
        return locations.get(indexOf(id));
    }

    public boolean contains(String id) {
        return index.containsKey(id);
    }

    /** Index of a location id; throws with the known ids when it is not in the topology. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown location '" + id + "' (known: " + ids() + ")");
        }
        return i;
    }

    /** Index of a location id, or -1 when unknown. */
    public int indexOrMinusOne(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    public List<String> ids() {
        return locations.stream().map(Location::id).toList();
    }

    public double distance(int from, int to) {
        return distance[from][to];
    }

    /** Index of the {@code rank}-th nearest other location (0 = nearest). */
    public int neighbour(int from, int rank) {
        return neighbours[from][rank];
    }

    /** The {@code k} nearest other locations, nearest first; deterministic, ties broken by id. */
    public List<Location> nearest(String id, int k) {
        int[] order = neighbours[indexOf(id)];
        List<Location> result = new ArrayList<>(Math.min(k, order.length));
        for (int r = 0; r < order.length && r < k; r++) {
            result.add(locations.get(order[r]));
        }
        return result;
    }
}
