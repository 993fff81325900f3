package houston.app.daemon;

import houston.core.engine.Inputs.ControlPlaneReading;
import houston.core.port.ControlPlaneWatch;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * When the leader reads the DNS control plane: every {@code every}, and at once when this replica
 * becomes the leader. A new leader inherits the previous one's failing publishes and backs off up to
 * {@code publish-retry}; only a failed read of its own lets the API's return cut that wait short, so
 * its first read cannot wait for a whole period (5 s by default) to come round, or an API that comes
 * back in that time leaves the location held out through the data plane for up to 30 s more.
 * A follower never reads: it spends none of the API's request rate.
 */
final class ControlPlaneWatchTimer {

    /** How often leadership is looked at: a takeover is read within this. */
    private static final long CHECK_MS = 250;

    private final ControlPlaneWatch watch;
    private final BooleanSupplier acting;
    private final LongSupplier clockMs;
    private final Consumer<ControlPlaneReading> readings;
    private final long everyMs;
    private final long checkMs;
    private boolean led;
    private long sinceReadMs;

    private ControlPlaneWatchTimer(ControlPlaneWatch watch, Duration every, BooleanSupplier acting, LongSupplier clockMs,
                                   Consumer<ControlPlaneReading> readings) {
        this.watch = watch;
        this.acting = acting;
        this.clockMs = clockMs;
        this.readings = readings;
        this.everyMs = every.toMillis();
        this.checkMs = Math.min(everyMs, CHECK_MS);
    }

    /**
     * Starts the timer on {@code thread}, which only starts each read: the read runs on the watch's own thread.
     *
     * @param clockMs  the loop's clock, the time a read is sent (a failure began then)
     * @param readings where each reading goes, from the watch's thread
     */
    static void start(ScheduledExecutorService thread, ControlPlaneWatch watch, Duration every, BooleanSupplier acting,
                      LongSupplier clockMs, Consumer<ControlPlaneReading> readings) {
        ControlPlaneWatchTimer timer = new ControlPlaneWatchTimer(watch, every, acting, clockMs, readings);
        thread.scheduleAtFixedRate(timer::check, timer.checkMs, timer.checkMs, TimeUnit.MILLISECONDS);
    }

    private void check() {
        sinceReadMs += checkMs;
        boolean leads = acting.getAsBoolean();
        boolean tookOver = leads && !led;
        led = leads;
        if (leads && (tookOver || sinceReadMs >= everyMs)) {
            sinceReadMs = 0;
            watch.read(clockMs.getAsLong()).thenAccept(readings);
        }
    }
}
