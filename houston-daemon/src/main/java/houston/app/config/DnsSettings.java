package houston.app.config;

import houston.dns.SwitchSettings;
import houston.dns.route53.Route53HealthCheckSetup;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how traffic plans are published.
 *
 * @param provider     memory, file or route53
 * @param zone         the zone apex holding the pools
 * @param ttlSeconds   TTL of the pool records
 * @param switching    writer id, INSYNC wait and retry settings
 * @param file         provider = file: the zone file
 * @param hostedZoneId provider = route53: the hosted zone id
 * @param endpoint     provider = route53: endpoint override, or null for AWS
 * @param arc          fallback = arc: the cluster endpoints, routing controls and their health checks
 * @param healthCheck  fallback = health-endpoint: what the health check {@code dns init} creates per location asks
 * @param controlPlaneWatch how often the leader reads the DNS control plane to learn early that it is down
 *                     (zero: never; only read with a data-plane fallback configured)
 */
public record DnsSettings(String provider, String zone, long ttlSeconds, SwitchSettings switching, Path file,
                          String hostedZoneId, URI endpoint, ArcSettings arc, Route53HealthCheckSetup.Spec healthCheck,
                          Duration controlPlaneWatch) {
}
