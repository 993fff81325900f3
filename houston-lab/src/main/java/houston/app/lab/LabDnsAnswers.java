package houston.app.lab;

import houston.app.config.HoustonSettings;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import houston.dns.records.PoolLayout;
import houston.dns.zone.InMemoryZone;
import houston.dns.zone.ZoneException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the lab's DNS answers visitors, as Route 53's data plane would: each pool by its records'
 * weights (fallback floors included), leaving out a location whose health check fails; when the
 * healthy records left all weigh 0, evenly among them; when none is healthy, all of them (Route 53
 * fails open). With {@code houston.dns.fallback = health-endpoint} the lab's checker asks the
 * daemons' {@code /v1/dns-health/<location>} every second (one failure drops the records: the lab's
 * time is compressed, as its scale-up lead times are). Answering keeps working while the DNS API
 * is down (a lab fault): the records read last are answered, as nothing can change them.
 */
final class LabDnsAnswers implements Supplier<TrafficPlan> {

    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final InMemoryZone zone;
    private final PoolLayout records;
    private final Topology topology;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private volatile TrafficPlan lastRead;
    private volatile Set<String> unhealthy = Set.of();

    LabDnsAnswers(InMemoryZone zone, HoustonSettings lab) {
        this.zone = zone;
        this.topology = lab.topology();
        // Without floors: a floor's weight is part of what the pool answers.
        this.records = new PoolLayout(topology, lab.dns().zone(), lab.dns().ttlSeconds());
        this.lastRead = TrafficPlan.identity(topology.ids(), 0);
    }

    @Override
    public TrafficPlan get() {
        try {
            lastRead = records.plan(zone.list());
        } catch (ZoneException e) {
            // The API is down, not the answers: the records are as last read.
        }
        Set<String> out = unhealthy;
        return out.isEmpty() ? lastRead : without(lastRead, out);
    }

    /** Asks the daemons listening on {@code ports} (the first that answers) for every location's health, every second. */
    void checkEvery(ScheduledExecutorService timers, Supplier<List<Integer>> ports) {
        timers.scheduleWithFixedDelay(() -> unhealthy = check(ports.get()), CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private Set<String> check(List<Integer> ports) {
        Set<String> failing = new HashSet<>();
        for (String id : topology.ids()) {
            Integer status = null;
            for (int port : ports) {
                status = status != null ? status : health(port, id);
            }
            // No daemon answering: the lab keeps the last verdict rather than drop every location at once.
            if (status == null ? unhealthy.contains(id) : status != 200) {
                failing.add(id);
            }
        }
        return Set.copyOf(failing);
    }

    private Integer health(int port, String location) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/dns-health/" + location))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Each pool's answers without the {@code out} locations' records. */
    static TrafficPlan without(TrafficPlan plan, Set<String> out) {
        List<String> ids = plan.ids();
        Map<String, Map<String, Double>> rows = new HashMap<>();
        for (int c = 0; c < ids.size(); c++) {
            double[] row = plan.row(c);
            double left = 0;
            int healthy = 0;
            for (int s = 0; s < ids.size(); s++) {
                if (out.contains(ids.get(s))) {
                    row[s] = 0;
                } else {
                    left += row[s];
                    healthy++;
                }
            }
            Map<String, Double> answered = new HashMap<>();
            for (int s = 0; s < ids.size(); s++) {
                if (healthy == 0) {
                    answered.put(ids.get(s), plan.fraction(c, s));
                } else if (!out.contains(ids.get(s)) && (left == 0 || row[s] > 0)) {
                    answered.put(ids.get(s), left > 0 ? row[s] / left : 1.0 / healthy);
                }
            }
            rows.put(ids.get(c), answered);
        }
        return TrafficPlan.of(ids, rows, plan.generation());
    }
}
