package houston.app.config;

import houston.dns.fallback.ArcDataPlane;

import java.util.List;
import java.util.Map;

/**
 * {@code houston.dns.arc}: where the arc fallback flips routing controls.
 *
 * @param endpoints the ARC cluster's regional data-plane endpoints, tried in this order
 * @param controls  the routing control ARN of each location
 * @param healthChecks the RECOVERY_CONTROL health check on each location's routing control, which
 *                  {@code dns init} ties the location's records to
 */
public record ArcSettings(List<ArcDataPlane.Endpoint> endpoints, Map<String, String> controls,
                          Map<String, String> healthChecks) {

    public ArcSettings {
        endpoints = List.copyOf(endpoints);
        controls = Map.copyOf(controls);
        healthChecks = Map.copyOf(healthChecks);
    }
}
