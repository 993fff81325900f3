package houston.probes.schedule;

import houston.core.config.ProbeConfig;
import houston.core.health.Observation;
import houston.probes.http.ProbeTarget;
import houston.probes.http.VertxHttpProbe;
import houston.probes.metrics.ProbeMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Probes every target of one vantage on its own timeline. Each target has its own Vert.x timer,
 * so a slow or dead target never delays another; at most {@code maxInFlight} probes run at once,
 * and a probe that falls due when the vantage is saturated is skipped and counted, never queued
 * (no unbounded queue, whatever the targets do). Results go to {@code sink} from event-loop threads.
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
    private final ProbeTimeline timeline;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final Counter skippedCounter;
    private final Timer lagTimer;
    private volatile boolean running;

    public ProbeScheduler(Vertx vertx, VertxHttpProbe probe, ProbeConfig config, String vantage,
                          List<ProbeTarget> targets, Consumer<Observation> sink, ProbeMetrics metrics, Clock clock,
                          RandomGenerator random) {
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
        this.timeline = new ProbeTimeline(config.interval().toMillis(), config.jitter().toMillis(), random);
        this.skippedCounter = metrics.skipped();
        this.lagTimer = metrics.lag();
        metrics.inFlight(inFlight::get);
    }

    public void start() {
        running = true;
        long now = clock.millis();
        for (ProbeTarget target : targets) {
            schedule(target, timeline.firstDue(now));
        }
    }

    private void schedule(ProbeTarget target, long due) {
        if (running) {
            vertx.setTimer(Math.max(1, due - clock.millis()), id -> fire(target, due));
        }
    }

    private void fire(ProbeTarget target, long due) {
        if (!running) {
            return;
        }
        long now = clock.millis();
        metrics.recordLag(lagTimer, now - due);
        schedule(target, timeline.nextDue(due, now));
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
    }
}
