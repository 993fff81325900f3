package houston.core;

import houston.core.model.CapacityModel;
import houston.core.model.GeoPoint;
import houston.core.model.Location;
import houston.core.model.Topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Small hand-made topologies whose distances and capacities are easy to reason about. */
public final class TestTopologies {

    private TestTopologies() {
    }

    /**
     * Locations on the equator at the given longitudes (one degree ≈ 111 km), each with the same
     * demand and capacity: 10 instances of 100 rps at target 0.5 (500 rps), max 40 instances (2,000 rps).
     */
    public static Topology equator(double demandRps, double... longitudes) {
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < longitudes.length; i++) {
            locations.add(location(String.format("loc-%02d", i), longitudes[i], demandRps,
                    new CapacityModel(10, 100, 1, 40, 0.5, Duration.ofSeconds(60))));
        }
        return Topology.greatCircle(locations);
    }

    /** {@code n} locations one degree apart along the equator, 400 rps demand each. */
    public static Topology row(int n) {
        double[] longitudes = new double[n];
        for (int i = 0; i < n; i++) {
            longitudes[i] = i;
        }
        return equator(400, longitudes);
    }

    public static Location location(String id, double longitude, double demandRps, CapacityModel capacity) {
        return location(id, 0, longitude, demandRps, capacity);
    }

    public static Location location(String id, double latitude, double longitude, double demandRps,
                                    CapacityModel capacity) {
        return new Location(id, id, new GeoPoint(latitude, longitude), List.of("192.0.2.1"), demandRps, capacity);
    }
}
