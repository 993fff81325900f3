package houston.probes.schedule;

import houston.core.config.ProbeConfig;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.probes.http.FaultServers;
import houston.probes.http.ProbeTarget;
import houston.probes.http.ResponseJudge;
import houston.probes.http.VertxHttpProbe;
import houston.probes.metrics.ProbeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static houston.testkit.Eventually.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeSchedulerIT {

    private Vertx vertx;
    private FaultServers servers;
    private VertxHttpProbe probe;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConcurrentLinkedQueue<Observation> seen = new ConcurrentLinkedQueue<>();
    private ProbeScheduler scheduler;
    private MachineStalls stalls;

    /**
     * How long a probe of a silent target hangs (the probe timeout). Far above the healthy targets'
     * 200 ms rhythm, so a gap between two healthy starts can stay under half of it: a JVM or machine
     * pause of a few hundred milliseconds (a neighbouring fork, another build) passes, and a healthy
     * probe that waited for even one dead one does not.
     */
    private static final Duration DEAD_HANG = Duration.ofMillis(2000);

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        servers = new FaultServers(vertx);
        stalls = new MachineStalls();
    }

    @AfterEach
    void stop() throws Exception {
        stalls.close();
        scheduler.close();
        probe.close();
        servers.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private ProbeScheduler scheduler(int maxInFlight, List<ProbeTarget> targets) throws Exception {
        ProbeConfig config = new ProbeConfig(Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofMillis(300),
                DEAD_HANG, Duration.ofMillis(500), 64 * 1024, maxInFlight);
        probe = new VertxHttpProbe(vertx, config, null, Clock.systemUTC());
        // A cold JVM loads the HTTP client on first use (a second's pause on a loaded machine): before anything is timed.
        probe.probe("v-test", targets("warm-up", 1, servers.http()).get(0)).await(10, TimeUnit.SECONDS);
        scheduler = new ProbeScheduler(vertx, probe, config, "v-test", targets, seen::add, new ProbeMetrics(registry, "v-test"),
                Clock.systemUTC(), new SplittableRandom(1));
        return scheduler;
    }

    private static List<ProbeTarget> targets(String prefix, int count, int port) {
        List<ProbeTarget> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            targets.add(new ProbeTarget(prefix + "-" + i, "canary.test", "127.0.0.1", port, false, "/ok",
                    ResponseJudge.substring(Set.of(200), FaultServers.MARKER)));
        }
        return targets;
    }

    private Map<String, Long> perLocation() {
        return seen.stream().collect(Collectors.groupingBy(Observation::location, Collectors.counting()));
    }


    @Test
    void deadTargetsDoNotDelayHealthyOnes() throws Exception {
        List<ProbeTarget> targets = new ArrayList<>(targets("healthy", 5, servers.http()));
        targets.addAll(targets("dead", 5, servers.silent()));
        scheduler(64, targets).start();

        // Until every dead target has hung through one whole probe too, so the healthy ones' starts span it.
        await(() -> targets.stream().allMatch(t -> perLocation().getOrDefault(t.location(), 0L)
                >= (t.location().startsWith("healthy") ? 8 : 1)));

        // Every healthy target kept probing (200 ms + 20 ms jitter) while the dead ones hung for 2 s each:
        // no gap came to half of what one dead probe holds, once the time the whole JVM stood still is taken
        // out (it delays every probe alike, and a neighbouring fork or build can stall it for a second).
        for (int i = 0; i < 5; i++) {
            String location = "healthy-" + i;
            List<Long> starts = seen.stream().filter(o -> o.location().equals(location))
                    .map(o -> o.at().toEpochMilli()).sorted().toList();
            for (int k = 1; k < starts.size(); k++) {
                long gap = starts.get(k) - starts.get(k - 1);
                long stalled = stalls.within(starts.get(k - 1), starts.get(k));
                assertTrue(gap - stalled < DEAD_HANG.toMillis() / 2,
                        location + " probe starts " + starts + ": " + gap + " ms apart, " + stalled + " ms of it stalled");
            }
        }
        assertTrue(seen.stream().filter(o -> o.location().startsWith("healthy")).allMatch(o -> o.outcome() == Outcome.OK));
        assertTrue(seen.stream().filter(o -> o.location().startsWith("dead")).allMatch(o -> o.outcome() == Outcome.TIMEOUT));
    }

    @Test
    void saturatedVantageSkipsAndCountsInsteadOfQueueing() throws Exception {
        scheduler(2, targets("dead", 6, servers.silent())).start();

        await(() -> scheduler.skipped() >= 10);

        assertTrue(scheduler.inFlight() <= 2, "in flight " + scheduler.inFlight());
        assertEquals((double) scheduler.skipped(), registry.get("houston.probe.skipped").counter().count(), 3.0);
    }

    @Test
    void everyResultIsCountedByOutcome() throws Exception {
        scheduler(64, targets("healthy", 3, servers.http())).start();

        await(() -> seen.size() >= 9);
        scheduler.close();

        double ok = registry.find("houston.probe.results").tag("outcome", "ok").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        assertTrue(ok >= 9, "ok results counted: " + ok);
    }
}
