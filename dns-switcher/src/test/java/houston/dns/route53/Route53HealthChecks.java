package houston.dns.route53;

import houston.dns.records.RecordSet;
import houston.dns.zone.InMemoryZone;

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

/**
 * Route 53's data plane beside the stand-in: health checks that poll Houston's
 * {@code /v1/dns-health/<location>} every {@code interval} (a location is unhealthy after
 * {@code threshold} failures in a row, healthy again after as many successes), and the answers a
 * weighted pool gives: healthy records only, by weight, or all of them evenly when every healthy
 * record weighs 0 — what Route 53 does.
 */
public final class Route53HealthChecks implements AutoCloseable {

    private final InMemoryZone zone;
    private final URI houston;
    private final int threshold;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Integer> streak = new ConcurrentHashMap<>();
    private final Set<String> unhealthy = ConcurrentHashMap.newKeySet();

    public Route53HealthChecks(InMemoryZone zone, URI houston, Duration interval, int threshold) {
        this.zone = zone;
        this.houston = houston;
        this.threshold = threshold;
        checker.scheduleAtFixedRate(this::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Shares of the pool {@code name}'s answers per serving location (set identifier). */
    public Map<String, Double> answers(String name) {
        List<RecordSet> healthy = zone.list().stream()
                .filter(r -> r.name().equals(name) && r.setIdentifier() != null && !unhealthy.contains(r.setIdentifier()))
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
        zone.list().stream().map(RecordSet::setIdentifier).filter(id -> id != null).distinct().forEach(this::check);
    }

    private void check(String location) {
        boolean ok;
        try {
            ok = http.send(HttpRequest.newBuilder(houston.resolve("/v1/dns-health/" + location))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            ok = false;
        }
        // A positive streak counts successes, a negative one failures; a change of direction starts over.
        int s = streak.merge(location, ok ? 1 : -1, (a, b) -> Integer.signum(a) == Integer.signum(b) ? a + b : b);
        if (s <= -threshold) {
            unhealthy.add(location);
        } else if (s >= threshold) {
            unhealthy.remove(location);
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
