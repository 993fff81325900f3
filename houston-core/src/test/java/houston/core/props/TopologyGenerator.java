package houston.core.props;

import houston.core.model.CapacityModel;
import houston.core.model.GeoPoint;
import houston.core.model.Location;
import houston.core.model.Topology;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Random topologies: anywhere on earth (ties and antipodes included), each location with its
 * own fleet, per-instance throughput, target utilisation and lead time, and a peak demand from
 * idle to half again what its fleet serves at target. Ids are {@code loc-00}, {@code loc-01}, …
 */
public final class TopologyGenerator {

    private TopologyGenerator() {
    }

    /** Between {@code min} and {@code max} locations. */
    public static Arbitrary<Topology> topologies(int min, int max) {
        return location().list().ofMinSize(min).ofMaxSize(max).map(TopologyGenerator::named);
    }

    /** A location as generated, before it is named. */
    public record Spec(double latitude, double longitude, double demandFraction, CapacityModel capacity) {
    }

    private static Arbitrary<Spec> location() {
        return Combinators.combine(Arbitraries.integers().between(-60, 60), Arbitraries.integers().between(-180, 180),
                Arbitraries.doubles().between(0, 1.5).ofScale(2), capacity())
                .as((lat, lon, demand, capacity) -> new Spec(lat, lon, demand, capacity));
    }

    private static Arbitrary<CapacityModel> capacity() {
        Arbitrary<int[]> fleet = Arbitraries.integers().between(0, 400).array(int[].class).ofSize(3).map(a -> {
            int[] sorted = a.clone();
            Arrays.sort(sorted);
            sorted[2] = Math.max(1, sorted[2]);
            sorted[1] = Math.max(sorted[0], Math.min(sorted[1], sorted[2]));
            return sorted;
        });
        return Combinators.combine(fleet, Arbitraries.integers().between(10, 1000),
                Arbitraries.doubles().between(0.3, 1.0).ofScale(2), Arbitraries.integers().between(0, 600))
                .as((f, rps, target, lead) -> new CapacityModel(f[1], rps, f[0], f[2], target, Duration.ofSeconds(lead)));
    }

    /** Locations from specs, named by position in the list. */
    public static Topology named(List<Spec> specs) {
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            double peak = s.demandFraction() * s.capacity().rpsAtTarget(s.capacity().instances());
            String id = String.format("loc-%02d", i);
            locations.add(new Location(id, id, new GeoPoint(s.latitude(), s.longitude()), List.of("192.0.2." + (i + 1)),
                    peak, s.capacity()));
        }
        return Topology.greatCircle(locations);
    }
}
