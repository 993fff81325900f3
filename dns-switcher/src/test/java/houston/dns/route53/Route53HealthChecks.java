package houston.dns.route53;

import houston.dns.records.RecordSet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Route 53's data plane beside the stand-in: it runs the health checks created in the stand-in
 * and answers weighted pools as Route 53 does — healthy records only (a record is unhealthy when
 * the health check its HealthCheckId names is), by weight, or all of them evenly when every
 * healthy record weighs 0.
 *
 * <p>HTTPS checks ask {@code FullyQualifiedDomainName}'s {@code ResourcePath} every {@code tick}
 * (standing for the check's RequestInterval, so a test takes seconds, not minutes): unhealthy after
 * FailureThreshold failures in a row, healthy after as many successes. There is no TLS on loopback:
 * {@code resolve} maps the name to the plain-HTTP address that stands behind it. RECOVERY_CONTROL
 * checks follow their routing control's state at once ({@code routingControl}: arn to "On"/"Off").
 */
public final class Route53HealthChecks implements AutoCloseable {

    private final Route53StandIn route53;
    private final Function<String, URI> resolve;
    private final Function<String, String> routingControl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Integer> streak = new ConcurrentHashMap<>();
    private final Set<String> unhealthy = ConcurrentHashMap.newKeySet();

    public Route53HealthChecks(Route53StandIn route53, Function<String, URI> resolve,
                               Function<String, String> routingControl, Duration tick) {
        this.route53 = route53;
        this.resolve = resolve;
        this.routingControl = routingControl;
        checker.scheduleAtFixedRate(this::checkAll, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Shares of the pool {@code name}'s answers per serving location (set identifier). */
    public Map<String, Double> answers(String name) {
        List<RecordSet> healthy = route53.zone.list().stream()
                .filter(r -> r.name().equals(name) && r.setIdentifier() != null
                        && (r.healthCheckId() == null || !unhealthy.contains(r.healthCheckId())))
                .toList();
        double sum = healthy.stream().mapToLong(RecordSet::weight).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (RecordSet r : healthy) {
            double share = sum > 0 ? r.weight() / sum : 1.0 / healthy.size();
            if (share > 0) {
                shares.put(r.setIdentifier(), share);
            }
        }
        return shares;
    }

    private void checkAll() {
        route53.healthChecks.values().forEach(this::check);
    }

    private void check(Route53StandIn.HealthCheck check) {
        if ("RECOVERY_CONTROL".equals(check.get("Type"))) {
            if ("On".equals(routingControl.apply(check.get("RoutingControlArn")))) {
                unhealthy.remove(check.id());
            } else {
                unhealthy.add(check.id());
            }
            return;
        }
        boolean ok;
        try {
            URI url = resolve.apply(check.get("FullyQualifiedDomainName")).resolve(check.get("ResourcePath"));
            ok = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (Exception e) {
            ok = false;
        }
        int threshold = Integer.parseInt(check.get("FailureThreshold"));
        // A positive streak counts successes, a negative one failures; a change of direction starts over.
        int s = streak.merge(check.id(), ok ? 1 : -1, (a, b) -> Integer.signum(a) == Integer.signum(b) ? a + b : b);
        if (s <= -threshold) {
            unhealthy.add(check.id());
        } else if (s >= threshold) {
            unhealthy.remove(check.id());
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
