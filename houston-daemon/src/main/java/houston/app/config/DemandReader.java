package houston.app.config;

import com.typesafe.config.Config;
import houston.core.config.DemandConfig;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads {@code houston.demand}: where measured demand comes from, and how far the engine trusts it.
 * Prometheus keys are required only when it is the provider: one query whose samples carry a
 * {@code location} label, or one query per location (every location of the topology, or those
 * without one would plan on their peak while the others are measured, which nobody would guess).
 */
final class DemandReader {

    private static final String P = "houston.demand.";

    private final ConfigReader in;

    DemandReader(ConfigReader in) {
        this.in = in;
    }

    /** max-age, scale-down-headroom and reading-lag, for the engine. */
    static DemandConfig engine(ConfigReader in) {
        return new DemandConfig(in.duration(P + "max-age", Duration.ofSeconds(1), Duration.ofDays(1)),
                in.number(P + "scale-down-headroom", 0, 1, "0..1"),
                in.duration(P + "reading-lag", Duration.ZERO, Duration.ofMinutes(10)));
    }

    IntegrationSettings.Demand read(Set<String> locations) {
        String provider = in.string(P + "provider", "none or prometheus");
        if (!Set.of("none", "prometheus").contains(provider)) {
            in.problem(P + "provider", "none or prometheus");
            provider = "none";
        }
        String p = P + "prometheus.";
        boolean prometheus = provider.equals("prometheus");
        URI url = IntegrationReader.prometheusUrl(in, p + "url");
        if (prometheus && url == null && in.string(p + "url", "").isBlank()) {
            in.problem(p + "url", "a Prometheus base URL such as http://prometheus:9090 (provider = prometheus)");
        }
        Duration interval = in.duration(p + "interval", Duration.ofSeconds(1), Duration.ofHours(1));
        Duration timeout = in.duration(p + "timeout", Duration.ofMillis(100), Duration.ofMinutes(1));
        String query = in.string(p + "query", "a PromQL query whose samples carry a location label, or \"\"");
        Map<String, String> queries = new TreeMap<>();
        Config perLocation = in.config().getConfig(p + "queries");
        for (String location : new TreeSet<>(perLocation.root().keySet())) {
            if (!locations.isEmpty() && !locations.contains(location)) {
                in.problem(p + "queries." + location, "a location of the topology, one of " + new TreeSet<>(locations));
                continue;
            }
            queries.put(location, in.string(p + "queries.\"" + location + "\"", "a PromQL query"));
        }
        if (prometheus) {
            checkQueries(p, query, queries, locations);
        }
        return new IntegrationSettings.Demand(provider, url, interval, timeout, query, queries);
    }

    private void checkQueries(String p, String query, Map<String, String> queries, Set<String> locations) {
        if (query.isBlank() == queries.isEmpty()) {
            in.problem(p + "query", "either one query with a location label, or queries per location (provider = "
                    + "prometheus), not both and not neither");
            return;
        }
        if (!queries.isEmpty()) {
            Set<String> missing = new TreeSet<>(locations);
            missing.removeAll(queries.keySet());
            if (!missing.isEmpty()) {
                in.problem(p + "queries", "a query for every location; missing: " + missing);
            }
        }
    }
}
