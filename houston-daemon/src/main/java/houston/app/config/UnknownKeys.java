package houston.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds keys in a user's file that Houston does not know, so a typo is an error rather than a
 * default silently left in force. Locations may be added freely, but their fields must be the
 * fields a location has; {@code rtt-ms} pairs are checked when the topology is read.
 */
final class UnknownKeys {

    private static final String LOCATION_PREFIX = TopologyReader.LOCATIONS + ".";
    private static final String RTT_PREFIX = TopologyReader.RTT + ".";
    /** Checked by the scaler reader: a workload per location, with its own fields. */
    private static final String WORKLOADS_PREFIX = "houston.scaler.kubernetes.locations.";
    /** Checked by the demand reader: one query per location of the topology. */
    private static final String DEMAND_QUERIES_PREFIX = "houston.demand.prometheus.queries.";

    private final Set<String> known = new TreeSet<>();
    private final Set<String> locationFields = new TreeSet<>();

    UnknownKeys(Config defaults) {
        for (Map.Entry<String, ConfigValue> e : defaults.entrySet()) {
            known.add(e.getKey());
            if (e.getKey().startsWith(LOCATION_PREFIX)) {
                locationFields.add(fieldOf(e.getKey()));
            }
        }
    }

    void check(Config user, String origin, List<ConfigProblem> problems) {
        for (Map.Entry<String, ConfigValue> e : user.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            String key = e.getKey();
            boolean ok = key.startsWith(RTT_PREFIX) || key.startsWith(WORKLOADS_PREFIX) || key.startsWith(DEMAND_QUERIES_PREFIX)
                    || (key.startsWith(LOCATION_PREFIX) ? locationFields.contains(fieldOf(key)) : known.contains(key));
            if (!ok) {
                String where = ProblemDetails.describe(e.getValue().origin());
                String hint = suggestion(key);
                problems.add(new ConfigProblem(key, "unknown key",
                        hint == null ? "a key listed in config/houston.conf" : "did you mean " + hint + "?",
                        where.isBlank() ? origin : where));
            }
        }
    }

    /** The part of a location key after the location id, e.g. {@code capacity.instances}. */
    private static String fieldOf(String key) {
        String rest = key.substring(LOCATION_PREFIX.length());
        int dot = rest.startsWith("\"") ? rest.indexOf('"', 1) + 1 : rest.indexOf('.');
        return dot <= 0 || dot >= rest.length() ? "" : rest.substring(dot + 1);
    }

    private String suggestion(String key) {
        String best = null;
        int bestDistance = 4;
        for (String candidate : known) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /** Levenshtein distance; keys are short, so the O(n·m) table is fine. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
