package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.AlertKind;
import houston.core.engine.Inputs;
import houston.core.port.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the control loop does when a tick throws. Nothing the loop accepted is lost: the tick's
 * inputs (observations, signals, outcomes, operator commands, readings) are kept and stepped
 * again, merged in arrival order ahead of the next tick's, and journaled only with the tick that
 * finally steps them, so a replay stays exact. A run of failures is alerted and logged once — one
 * line, not a stack trace per second — and its end is logged once; every failure is counted.
 * <p>
 * An input the engine cannot step (a bug meeting one command, say) would fail every tick it is
 * carried into, and a loop that never steps again moves no traffic. So inputs that failed
 * {@link #MAX_RETRIES} steps are set aside: the loop goes on with what arrives next, and one alert
 * names what was set aside (every operator command in it), so nothing accepted disappears unsaid.
 * Measured readings replace older ones of the same place: only the newest demand or instance count
 * per location is worth stepping, which also keeps a long run of failures from growing the carry.
 * Only the loop thread calls it.
 */
final class FailedTicks {

    private static final Logger log = LoggerFactory.getLogger(FailedTicks.class);
    /**
     * Steps a carried input may fail before it is set aside: ten ticks ride out a passing fault (a
     * step that throws for a few seconds while some state lasts) without keeping a poisoned loop
     * from stepping for long.
     */
    static final int MAX_RETRIES = 10;

    private final Notifier notifier;
    private final int maxObservations;
    private final AtomicLong total = new AtomicLong();
    private Inputs carried = Inputs.NONE;
    private long inARow;
    /** Steps the current carry has failed. */
    private int carriedFailures;
    /** Whether this run of failures has already alerted that it set inputs aside. */
    private boolean setAsideAlerted;

    FailedTicks(Notifier notifier, int maxObservations) {
        this.notifier = notifier;
        this.maxObservations = maxObservations;
    }

    /** The inputs to step now: those of failed ticks first (unless set aside), then {@code fresh}. */
    Inputs withCarried(Inputs fresh) {
        if (carriedFailures >= MAX_RETRIES && carried != Inputs.NONE) {
            setAside(carried);
            carriedFailures = 0;
            carried = Inputs.NONE;
        }
        Inputs merged = merge(carried, fresh);
        carried = Inputs.NONE;
        return merged;
    }

    private void setAside(Inputs failing) {
        String message = "control loop: " + MAX_RETRIES + " steps in a row failed on the same inputs; they are set "
                + "aside so the loop goes on: " + failing.observations().size() + " observations, "
                + failing.signals().size() + " signals, " + failing.outcomes().size() + " outcomes, "
                + failing.commands().size() + " operator commands not applied " + failing.commands()
                + " (send them again once the cause is fixed; the daemon's log has each failure)";
        log.error(message);
        if (!setAsideAlerted) {
            // Once per run of failures: a step that fails whatever it is given would otherwise page every few ticks.
            setAsideAlerted = true;
            notifier.alert(new Action.Alert(AlertKind.TICK_FAILED, message, null));
        }
    }

    /** The step of {@code inputs} threw: keep them for the next tick, alert and log if this starts a run. */
    void failed(Inputs inputs, Instant at, RuntimeException e) {
        carried = inputs;
        carriedFailures++;
        total.incrementAndGet();
        if (inARow++ > 0) {
            return;
        }
        String message = "control loop tick at " + at + " failed: " + what(e)
                + "; its inputs are kept and stepped again next tick (alerted once until a tick succeeds)";
        log.error(message);
        notifier.alert(new Action.Alert(AlertKind.TICK_FAILED, message, null));
    }

    /**
     * What failed, for the person paged: a journal that cannot be written (a full disk, lost permissions)
     * names the key to look at; anything else is a defect, named with where it was thrown for the report.
     */
    private static String what(RuntimeException e) {
        if (e instanceof JournalUnavailable) {
            return e.getMessage() + " (houston.journal.dir: free space there or fix its permissions; nothing is "
                    + "decided or published until a tick can be journaled)";
        }
        StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        return e + (where == null ? "" : " at " + where);
    }

    /** A tick stepped: a run of failures, if any, is over. */
    void succeeded(Instant at) {
        if (inARow > 0) {
            log.warn("control loop ticking again at {} after {} failed ticks", at, inARow);
            inARow = 0;
        }
        carriedFailures = 0;
        setAsideAlerted = false;
    }

    /** Ticks that threw since the loop started. */
    long total() {
        return total.get();
    }

    /** Observations beyond the loop's inbox bound are the oldest and least useful: those are dropped. */
    private Inputs merge(Inputs first, Inputs then) {
        List<houston.core.health.Observation> observations = concat(first.observations(), then.observations());
        if (observations.size() > maxObservations) {
            observations = observations.subList(observations.size() - maxObservations, observations.size());
        }
        return Inputs.builder().observations(observations)
                .signals(concat(first.signals(), then.signals()))
                .outcomes(concat(first.outcomes(), then.outcomes()))
                .commands(concat(first.commands(), then.commands()))
                .demand(newest(first.demand(), then.demand(), Inputs.DemandReading::location))
                .capacity(newest(first.capacity(), then.capacity(), Inputs.CapacityReading::location))
                .controlPlane(concat(first.controlPlane(), then.controlPlane()))
                .build();
    }

    /** Readings of both lists, the later one winning for each location, in first-seen order. */
    private static <T> List<T> newest(List<T> a, List<T> b, java.util.function.Function<T, String> place) {
        java.util.Map<String, T> byPlace = new java.util.LinkedHashMap<>();
        a.forEach(r -> byPlace.put(place.apply(r), r));
        b.forEach(r -> byPlace.put(place.apply(r), r));
        return List.copyOf(byPlace.values());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
