package houston.core.model;

import java.util.List;

/**
 * One serving site (a cloud region or zone group).
 *
 * @param id             stable id in cloud-region style, e.g. {@code us-east-1}; also the name of its catchment
 * @param name           display name, e.g. "US East (N. Virginia)"
 * @param position       where it is, for great-circle distances
 * @param edges          public edge addresses its DNS records point at
 * @param peakDemandRps  requests/s its catchment sends at peak: the planner's default demand
 * @param capacity       how much it serves and how it scales
 */
public record Location(
        String id,
        String name,
        GeoPoint position,
        List<String> edges,
        double peakDemandRps,
        CapacityModel capacity) {

    public Location {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("location id '" + id + "' (expected: lower-case letters, digits and '-')");
        }
        edges = List.copyOf(edges);
        if (edges.isEmpty()) {
            throw new IllegalArgumentException("location " + id + " has no edge address");
        }
        if (!(peakDemandRps >= 0)) {
            throw new IllegalArgumentException("location " + id + " peak demand " + peakDemandRps + " (expected: >= 0)");
        }
    }
}
