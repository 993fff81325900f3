package houston.probes.schedule;

import houston.core.config.ProbeConfig;
import houston.core.health.Observation;
import houston.probes.http.ProbeTarget;
import houston.probes.http.VertxHttpProbe;
import houston.probes.metrics.ProbeMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Probes every target of one vantage on its own timeline.
 *
 * <p>Targets are split into shards, one per event loop. A shard keeps its targets in a priority
 * queue by due time and wakes on one periodic tick ({@code interval / 20}, 1..10 ms) to start
 * every probe that is due; its probes, and their connections, live on its event loop, so a shard
 * needs no locks and thousands of targets cost one timer per loop, not one per probe. A slow or
 * dead target never delays another: starting a probe never waits for one to finish. At most
 * {@code maxInFlight} probes run at once; a probe that falls due when the vantage is saturated is
 * skipped and counted, never queued. Cost per tick is O(k log n) for k due of n targets.
 */
public final class ProbeScheduler implements AutoCloseable {

    private final Vertx vertx;
    private final VertxHttpProbe probe;
    private final ProbeConfig config;
    private final String vantage;
    private final List<ProbeTarget> targets;
    private final Consumer<Observation> sink;
    private final ProbeMetrics metrics;
    private final Clock clock;
    private final RandomGenerator.SplittableGenerator random;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final Counter skippedCounter;
    private final Timer lagTimer;
    private final List<Shard> shards = new ArrayList<>();
    private volatile boolean running;

    public ProbeScheduler(Vertx vertx, VertxHttpProbe probe, ProbeConfig config, String vantage,
                          List<ProbeTarget> targets, Consumer<Observation> sink, ProbeMetrics metrics, Clock clock,
                          RandomGenerator.SplittableGenerator random) {
        this.vertx = vertx;
        this.probe = probe;
        this.config = config;
        this.vantage = vantage;
        this.targets = List.copyOf(targets);
        this.sink = sink;
        this.metrics = metrics;
        if (!metrics.vantage().equals(vantage)) {
            throw new IllegalArgumentException("metrics for vantage " + metrics.vantage() + " given to " + vantage);
        }
        this.clock = clock;
        this.random = random;
        this.skippedCounter = metrics.skipped();
        this.lagTimer = metrics.lag();
        metrics.inFlight(inFlight::get);
    }

    /** Starts one shard per event loop (at most one per target). */
    public void start() {
        running = true;
        int count = Math.max(1, Math.min(targets.size(), 2 * Runtime.getRuntime().availableProcessors()));
        long now = clock.millis();
        for (int s = 0; s < count; s++) {
            // From a non-Vert.x thread each call hands out the next event loop. Each shard draws from
            // its own generator: the shards run on different threads and a generator is not thread-safe.
            Shard shard = new Shard(vertx.getOrCreateContext(), new ProbeTimeline(config.interval().toMillis(),
                    config.jitter().toMillis(), random.split()));
            for (int t = s; t < targets.size(); t += count) {
                shard.due.add(new Due(targets.get(t), shard.timeline.firstDue(now)));
            }
            shards.add(shard);
            shard.start();
        }
    }

    private record Due(ProbeTarget target, long at) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            return Long.compare(at, o.at);
        }
    }

    /** Targets whose probes start on one event loop; touched only from that loop. */
    private final class Shard {
        final Context context;
        final ProbeTimeline timeline;
        final PriorityQueue<Due> due = new PriorityQueue<>();
        long timerId = -1;

        Shard(Context context, ProbeTimeline timeline) {
            this.context = context;
            this.timeline = timeline;
        }

        void start() {
            long tick = Math.max(1, Math.min(10, config.interval().toMillis() / 20));
            context.runOnContext(v -> timerId = vertx.setPeriodic(tick, id -> fireDue()));
        }

        void fireDue() {
            long now = clock.millis();
            while (running && !due.isEmpty() && due.peek().at() <= now) {
                Due d = due.poll();
                due.add(new Due(d.target(), timeline.nextDue(d.at(), now)));
                fire(d.target(), now - d.at());
            }
        }

        void stop() {
            context.runOnContext(v -> vertx.cancelTimer(timerId));
        }
    }

    private void fire(ProbeTarget target, long lagMs) {
        metrics.recordLag(lagTimer, lagMs);
        if (inFlight.incrementAndGet() > config.maxInFlight()) {
            inFlight.decrementAndGet();
            skipped.incrementAndGet();
            skippedCounter.increment();
            return;
        }
        probe.probe(vantage, target).onComplete(result -> {
            inFlight.decrementAndGet();
            completed.incrementAndGet();
            if (result.succeeded()) {
                metrics.record(result.result().observation());
                sink.accept(result.result().observation());
            }
        });
    }

    /** Due probes skipped because the vantage was saturated, since start. */
    public long skipped() {
        return skipped.get();
    }

    /** Probes completed since start. */
    public long completed() {
        return completed.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Stops scheduling; probes in flight complete and are still delivered. */
    @Override
    public void close() {
        running = false;
        shards.forEach(Shard::stop);
    }
}
