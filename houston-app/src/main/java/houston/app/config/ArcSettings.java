package houston.app.config;

import houston.dns.fallback.ArcDataPlane;

import java.util.List;
import java.util.Map;

/**
 * {@code houston.dns.arc}: where the arc fallback flips routing controls.
 *
 * @param endpoints the ARC cluster's regional data-plane endpoints, tried in this order
 * @param controls  the routing control ARN of each location
 */
public record ArcSettings(List<ArcDataPlane.Endpoint> endpoints, Map<String, String> controls) {

    public ArcSettings {
        endpoints = List.copyOf(endpoints);
        controls = Map.copyOf(controls);
    }
}
