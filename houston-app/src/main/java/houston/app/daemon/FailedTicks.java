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
 * Only the loop thread calls it.
 */
final class FailedTicks {

    private static final Logger log = LoggerFactory.getLogger(FailedTicks.class);

    private final Notifier notifier;
    private final int maxObservations;
    private final AtomicLong total = new AtomicLong();
    private Inputs carried = Inputs.NONE;
    private long inARow;

    FailedTicks(Notifier notifier, int maxObservations) {
        this.notifier = notifier;
        this.maxObservations = maxObservations;
    }

    /** The inputs to step now: those of failed ticks first, then {@code fresh}. */
    Inputs withCarried(Inputs fresh) {
        Inputs merged = merge(carried, fresh);
        carried = Inputs.NONE;
        return merged;
    }

    /** The step of {@code inputs} threw: keep them for the next tick, alert and log if this starts a run. */
    void failed(Inputs inputs, Instant at, RuntimeException e) {
        carried = inputs;
        total.incrementAndGet();
        if (inARow++ > 0) {
            return;
        }
        StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        String message = "control loop tick at " + at + " failed: " + e + (where == null ? "" : " at " + where)
                + "; its inputs are kept and stepped again next tick (alerted once until a tick succeeds)";
        log.error(message);
        notifier.alert(new Action.Alert(AlertKind.TICK_FAILED, message, null));
    }

    /** A tick stepped: a run of failures, if any, is over. */
    void succeeded(Instant at) {
        if (inARow > 0) {
            log.warn("control loop ticking again at {} after {} failed ticks", at, inARow);
            inARow = 0;
        }
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
        return new Inputs(observations, concat(first.signals(), then.signals()),
                concat(first.outcomes(), then.outcomes()), concat(first.commands(), then.commands()),
                concat(first.demand(), then.demand()), concat(first.capacity(), then.capacity()));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
