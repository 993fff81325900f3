package houston.app.cli;

import houston.app.config.ConfigProblem;
import houston.app.config.HoustonSettings;
import houston.dns.route53.Route53HealthCheckSetup;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The health check each location's records are tied to at {@code dns init}, as the configured
 * fallback needs: health-endpoint creates them (once: an existing one is reused), arc takes the
 * RECOVERY_CONTROL checks the user created on the routing controls, none ties nothing.
 */
final class DnsHealthChecks {

    private DnsHealthChecks() {
    }

    /** Health check id per location id (empty: records are tied to none); null when refused (said on err). */
    static Map<String, String> provision(HoustonSettings settings, PrintWriter out, PrintWriter err) {
        return switch (settings.engine().dnsFallback().mode()) {
            case NONE -> Map.of();
            case ARC -> settings.dns().arc().healthChecks();
            case HEALTH_ENDPOINT -> {
                if (settings.dns().healthCheck().name().isBlank()) {
                    err.println("houston dns init: " + new ConfigProblem("houston.dns.health-check.name", "\"\"",
                            "the name Route 53's checkers reach Houston at over HTTPS, such as houston.example.net, "
                                    + "when houston.dns.fallback = health-endpoint", settings.source()).render());
                    yield null;
                }
                yield create(settings, out);
            }
        };
    }

    private static Map<String, String> create(HoustonSettings settings, PrintWriter out) {
        Map<String, String> ids = new TreeMap<>();
        // Credentials: the AWS default chain, as for the zone.
        try (Route53HealthCheckSetup setup = new Route53HealthCheckSetup(settings.dns().zone(), settings.dns().endpoint(),
                null)) {
            for (Route53HealthCheckSetup.Provisioned p : setup.ensure(settings.topology().ids(), settings.dns().healthCheck())) {
                ids.put(p.location(), p.id());
                out.println("  health check " + p.id() + " for " + p.location() + (p.created() ? ": created" : ": exists")
                        + (p.note().isEmpty() ? "" : "; " + p.note()));
            }
        }
        return ids;
    }
}
