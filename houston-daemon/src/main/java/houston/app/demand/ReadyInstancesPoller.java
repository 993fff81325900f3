package houston.app.demand;

import houston.core.engine.Inputs.CapacityReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Reads the instances each location really runs from the scaler's platform every interval, on the
 * scaler's worker (the reads block), and hands each new reading to the control loop once
 * ({@link #readings}). The engine then plans receivers on what is ready, not on what was built or
 * asked for: a fleet the platform shrank, or grew on its own, is seen within one interval.
 */
public final class ReadyInstancesPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadyInstancesPoller.class);

    private final LongFunction<List<CapacityReading>> read;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final Clock clock;
    private final NewestPerLocation<CapacityReading> fresh = new NewestPerLocation<>();
    private ScheduledFuture<?> task;

    /** @param read the ready instances per location, stamped with the epoch ms it is given */
    public ReadyInstancesPoller(LongFunction<List<CapacityReading>> read, ScheduledExecutorService executor,
                                Duration interval, Clock clock) {
        this.read = read;
        this.executor = executor;
        this.interval = interval;
        this.clock = clock;
    }

    public void start() {
        task = executor.scheduleWithFixedDelay(this::readOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One read of every location (the scheduled task; tests call it directly). */
    void readOnce() {
        try {
            read.apply(clock.millis()).forEach(r -> fresh.put(r.location(), r));
        } catch (RuntimeException e) {
            // A failed read gives no reading: the engine keeps the last one until it ages out.
            log.warn("reading ready instances failed: {}", e.toString());
        }
    }

    /**
     * The readings taken since the last call, each handed on once: repeated at every tick, a reading
     * taken before a pre-scale became ready would set the location back below what it runs. (A quiet
     * checkpoint needs no capacity reading: it is taken only while every location runs its own size.)
     */
    public List<CapacityReading> readings() {
        return fresh.drain();
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
