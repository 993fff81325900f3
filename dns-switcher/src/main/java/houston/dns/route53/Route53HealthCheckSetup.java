package houston.dns.route53;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.ListHealthChecksRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Route 53 health checks the {@code health-endpoint} fallback needs: one per location, HTTPS
 * to Houston's name at {@code /v1/dns-health/<location>}. Created idempotently: the
 * CallerReference is derived from the zone and the location, so a health check Houston created
 * before is found by it and reused, never duplicated (Route 53 would refuse a second one with the
 * same reference anyway, and health checks cost money each).
 */
public final class Route53HealthCheckSetup implements AutoCloseable {

    /** Route 53 allows at most this many characters in a CallerReference. */
    static final int MAX_REFERENCE = 64;

    /**
     * What every location's health check asks.
     *
     * @param name      the name Route 53's checkers reach Houston at (its TLS terminator)
     * @param port      HTTPS port
     * @param interval  10 s (fast checks) or 30 s
     * @param threshold failures in a row before the location's records are dropped, 1..10
     */
    public record Spec(String name, int port, Duration interval, int threshold) {
    }

    /** One location's health check: reused (created = false) or created now; a note when it differs from the spec. */
    public record Provisioned(String location, String id, boolean created, String note) {
    }

    private final Route53Client client;
    private final String zone;

    public Route53HealthCheckSetup(String zone, URI endpoint, AwsCredentialsProvider credentials) {
        this.client = Route53Zone.client(endpoint, credentials);
        this.zone = zone;
    }

    /** The health check of every location in {@code locations}, creating those that do not exist yet. */
    public List<Provisioned> ensure(List<String> locations, Spec spec) {
        return Route53Zone.call(() -> {
            Map<String, HealthCheck> existing = new HashMap<>();
            for (HealthCheck h : client.listHealthChecksPaginator(ListHealthChecksRequest.builder().build()).healthChecks()) {
                existing.put(h.callerReference(), h);
            }
            List<Provisioned> out = new ArrayList<>();
            for (String location : locations) {
                HealthCheckConfig wanted = config(location, spec);
                HealthCheck found = existing.get(callerReference(zone, location));
                if (found != null) {
                    out.add(new Provisioned(location, found.id(), false, differences(found.healthCheckConfig(), wanted)));
                    continue;
                }
                String id = client.createHealthCheck(r -> r.callerReference(callerReference(zone, location))
                        .healthCheckConfig(wanted)).healthCheck().id();
                out.add(new Provisioned(location, id, true, ""));
            }
            return out;
        });
    }

    private static HealthCheckConfig config(String location, Spec spec) {
        // Route 53's HTTPS checks do not validate the certificate; SNI lets a shared terminator pick it.
        return HealthCheckConfig.builder().type(HealthCheckType.HTTPS).fullyQualifiedDomainName(spec.name())
                .port(spec.port()).resourcePath("/v1/dns-health/" + location)
                .requestInterval((int) spec.interval().toSeconds()).failureThreshold(spec.threshold())
                .enableSNI(true).build();
    }

    /** Which settings of an existing check differ from what the configuration asks ("" when none). */
    private static String differences(HealthCheckConfig live, HealthCheckConfig wanted) {
        List<String> diff = new ArrayList<>();
        compare(diff, "name", live.fullyQualifiedDomainName(), wanted.fullyQualifiedDomainName());
        compare(diff, "port", live.port(), wanted.port());
        compare(diff, "path", live.resourcePath(), wanted.resourcePath());
        compare(diff, "interval", live.requestInterval(), wanted.requestInterval());
        compare(diff, "threshold", live.failureThreshold(), wanted.failureThreshold());
        return diff.isEmpty() ? "" : "differs from the configuration: " + String.join(", ", diff)
                + " (change it in Route 53, or delete it and run dns init again)";
    }

    private static void compare(List<String> diff, String what, Object live, Object wanted) {
        if (live == null ? wanted != null : !live.equals(wanted)) {
            diff.add(what + " " + live + " (configured: " + wanted + ")");
        }
    }

    /**
     * {@code houston <zone> <location>} when it fits Route 53's 64 characters, otherwise a SHA-256
     * of the two: the same zone and location always give the same reference.
     */
    static String callerReference(String zone, String location) {
        String plain = "houston " + zone.toLowerCase(Locale.ROOT) + " " + location;
        if (plain.length() <= MAX_REFERENCE) {
            return plain;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return "houston " + HexFormat.of().formatHex(hash).substring(0, MAX_REFERENCE - "houston ".length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
