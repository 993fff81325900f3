package houston.app.config;

import houston.core.config.DnsFallbackConfig;
import houston.dns.fallback.ArcDataPlane;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code houston.dns.arc}: "region=url" per cluster endpoint, "location=arn" per routing
 * control and "location=health-check-id" per RECOVERY_CONTROL health check. Checked only when {@code houston.dns.fallback = arc}: then every location needs a control
 * and the cluster at least one endpoint (AWS gives five; listing them all is what makes it survive).
 */
final class ArcReader {

    private static final String ENDPOINTS = "houston.dns.arc.cluster-endpoints";
    private static final String CONTROLS = "houston.dns.arc.routing-controls";
    private static final String CHECKS = "houston.dns.arc.health-checks";
    private static final String ARN = "arn:aws[a-z-]*:route53-recovery-control::\\d{12}:controlpanel/[^/]+/routingcontrol/[^/]+";

    private final ConfigReader in;

    ArcReader(ConfigReader in) {
        this.in = in;
    }

    ArcSettings read(DnsFallbackConfig.Mode mode, Set<String> locations) {
        boolean used = mode == DnsFallbackConfig.Mode.ARC;
        List<ArcDataPlane.Endpoint> endpoints = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String e : in.strings(ENDPOINTS)) {
            String[] parts = e.split("=", 2);
            URI url = parts.length == 2 ? uri(parts[1]) : null;
            if (url == null || !parts[0].matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                in.problemIn(ENDPOINTS, e, "entries region=https-url, e.g. \"us-west-2=https://abc.route53-recovery-cluster"
                        + ".us-west-2.amazonaws.com/v1\"");
            } else if (!seen.add(parts[0]) || !seen.add(url.toString())) {
                in.problemIn(ENDPOINTS, e, "each region and each URL once (AWS gives one endpoint per region)");
            } else {
                endpoints.add(new ArcDataPlane.Endpoint(parts[0], url));
            }
        }
        Map<String, String> controls = new TreeMap<>();
        for (String c : in.strings(CONTROLS)) {
            String[] parts = c.split("=", 2);
            if (parts.length != 2 || !locations.contains(parts[0]) || !parts[1].matches(ARN)) {
                in.problemIn(CONTROLS, c, "entries location=routing-control-arn, one per location of the topology");
            } else if (controls.containsKey(parts[0]) || controls.containsValue(parts[1])) {
                in.problemIn(CONTROLS, c, "each location and each routing control once");
            } else {
                controls.put(parts[0], parts[1]);
            }
        }
        if (!used) {
            // Set for a fallback that is not arc they do nothing: say so rather than let the operator believe ARC is armed.
            for (String key : List.of(ENDPOINTS, CONTROLS)) {
                if (!in.strings(key).isEmpty()) {
                    in.problem(key, "[] unless houston.dns.fallback = arc (the key is read only by the arc fallback)");
                }
            }
        }
        if (used && endpoints.isEmpty()) {
            in.problem(ENDPOINTS, "the ARC cluster's endpoints when houston.dns.fallback = arc");
        }
        if (used && !controls.keySet().equals(locations)) {
            List<String> missing = locations.stream().filter(l -> !controls.containsKey(l)).sorted().toList();
            in.problem(CONTROLS, "a routing control for every location when houston.dns.fallback = arc (missing: "
                    + missing + ")");
        }
        Map<String, String> checks = new TreeMap<>();
        for (String c : in.strings(CHECKS)) {
            String[] parts = c.split("=", 2);
            // Route 53 health check ids are UUIDs.
            if (parts.length != 2 || !locations.contains(parts[0]) || !parts[1].matches("[0-9a-fA-F-]{1,64}")) {
                in.problem(CHECKS, "entries location=health-check-id, one per location of the topology");
                continue;
            }
            checks.put(parts[0], parts[1]);
        }
        if (used && !checks.keySet().equals(locations)) {
            List<String> missing = locations.stream().filter(l -> !checks.containsKey(l)).sorted().toList();
            in.problem(CHECKS, "the RECOVERY_CONTROL health check of every location's routing control when "
                    + "houston.dns.fallback = arc (missing: " + missing + ")");
        }
        return new ArcSettings(endpoints, controls, checks);
    }

    private static URI uri(String s) {
        try {
            URI u = URI.create(s);
            // ARC's cluster endpoints are HTTPS only: a plain-http URL would send signed requests in clear.
            return u.getHost() != null && s.startsWith("https://") ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
