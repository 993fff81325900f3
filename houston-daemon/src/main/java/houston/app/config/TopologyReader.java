package houston.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import houston.core.model.CapacityModel;
import houston.core.model.GeoPoint;
import houston.core.model.Location;
import houston.core.model.Topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads {@code houston.topology}: the locations, their capacity models, and how to rank neighbours. */
final class TopologyReader {

    static final String LOCATIONS = "houston.topology.locations";
    static final String RTT = "houston.topology.rtt-ms";

    private final ConfigReader in;

    TopologyReader(ConfigReader in) {
        this.in = in;
    }

    /** The topology, or null when it has problems (they are recorded). */
    Topology read(Config locationsSource) {
        List<Location> locations = new ArrayList<>();
        ConfigObject object = locationsSource.hasPath(LOCATIONS) ? locationsSource.getObject(LOCATIONS) : null;
        if (object == null || object.isEmpty()) {
            in.problems().add(new ConfigProblem(LOCATIONS, "empty", "at least 2 locations", ""));
            return null;
        }
        for (String id : new TreeSet<>(object.keySet())) {
            Location location = location(id);
            if (location != null) {
                locations.add(location);
            }
        }
        String mode = in.string("houston.topology.distance", "great-circle or rtt");
        if (!mode.equals("great-circle") && !mode.equals("rtt")) {
            in.problem("houston.topology.distance", "great-circle or rtt");
        }
        if (object.size() == 1) {
            // Houston moves a location's traffic to another one: with one location there is nowhere to go.
            in.problems().add(new ConfigProblem(LOCATIONS, "1 location (" + object.keySet().iterator().next() + ")",
                    "at least 2 locations, so traffic has somewhere to go", ProblemDetails.describe(object.origin())));
        }
        if (locations.size() < 2 || locations.size() != object.size()) {
            return null;
        }
        return mode.equals("rtt") ? withRtt(locations) : Topology.greatCircle(locations);
    }

    private Location location(String id) {
        if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            in.problem(LOCATIONS + ".\"" + id + "\"", "a location id of lower-case letters, digits and '-'");
            return null;
        }
        String p = LOCATIONS + "." + id;
        int before = in.problems().size();
        String name = in.string(p + ".name", "a display name");
        double lat = in.number(p + ".latitude", -90, 90, "-90..90");
        double lon = in.number(p + ".longitude", -180, 180, "-180..180");
        List<String> edges = in.strings(p + ".edges");
        if (edges.isEmpty()) {
            in.problem(p + ".edges", "at least one edge address");
        }
        double demand = in.number(p + ".peak-demand-rps", 0, 1e9, "0..1e9 requests/s");
        String c = p + ".capacity";
        int instances = in.integer(c + ".instances", 0, 1_000_000);
        double rps = in.number(c + ".rps-per-instance", 0.001, 1e7, "a positive number of requests/s");
        int min = in.integer(c + ".min-instances", 0, 1_000_000);
        int max = in.integer(c + ".max-instances", 1, 1_000_000);
        double target = in.number(c + ".target-utilisation", 0.05, 1.0, "0.05..1");
        Duration lead = in.duration(c + ".scale-up-lead-time", Duration.ZERO, Duration.ofHours(2));
        checkInstances(c, instances, min, max);
        if (in.problems().size() > before) {
            return null;
        }
        return new Location(id, name, new GeoPoint(lat, lon), edges, demand,
                new CapacityModel(instances, rps, min, max, target, lead));
    }

    /**
     * min-instances <= instances <= max-instances, reported against the key the user set: with a
     * max-instances of 100 in their file, the problem is their 100, not the built-in min of 120.
     */
    private void checkInstances(String c, int instances, int min, int max) {
        String minKey = c + ".min-instances";
        String maxKey = c + ".max-instances";
        String instancesKey = c + ".instances";
        if (max < Math.max(min, instances) && !in.builtIn(maxKey)) {
            in.problem(maxKey, "at least " + Math.max(min, instances) + " (min-instances=" + min + ", instances="
                    + instances + ")");
        } else if (min > max) {
            in.problem(minKey, "at most max-instances=" + max);
        } else if (instances < min || instances > max) {
            in.problem(instancesKey, "min-instances..max-instances=" + min + ".." + max);
        }
    }

    private Topology withRtt(List<Location> locations) {
        Config rtt = in.config().hasPath(RTT) ? in.config().getConfig(RTT) : null;
        Map<String, Map<String, Double>> d = new HashMap<>();
        boolean complete = true;
        for (Location a : locations) {
            for (Location b : locations) {
                if (a == b) {
                    continue;
                }
                Double ms = rttBetween(rtt, a.id(), b.id());
                if (ms == null) {
                    ms = rttBetween(rtt, b.id(), a.id());
                }
                if (ms == null || ms < 0) {
                    in.problems().add(new ConfigProblem(RTT + "." + a.id() + "." + b.id(), "missing",
                            "a round-trip time in ms for every pair when distance = rtt", ""));
                    complete = false;
                } else {
                    d.computeIfAbsent(a.id(), k -> new HashMap<>()).put(b.id(), ms);
                }
            }
        }
        return complete ? Topology.withDistances(locations, d) : null;
    }

    private static Double rttBetween(Config rtt, String from, String to) {
        String key = "\"" + from + "\".\"" + to + "\"";
        return rtt != null && rtt.hasPath(key) ? rtt.getDouble(key) : null;
    }
}
