package houston.capacity;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay: a scheduled executor in production, a hand-advanced fake in tests. */
@FunctionalInterface
public interface Delays {

    void after(Duration delay, Runnable task);

    static Delays of(ScheduledExecutorService executor) {
        return (delay, task) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
