package houston.sim;

import houston.core.engine.ActionOutcome;
import houston.core.engine.AlertKind;
import houston.core.engine.Inputs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Safety alerts as people hear them, counted the way the daemon tells them (its RepeatedAlerts):
 * an alert the engine raises on every retry while a condition lasts (a DNS publish, a data-plane
 * fallback change failing) is told once when the condition starts, then as a reminder every
 * {@link #REMIND_EVERY_MS}, and its end is told with the number of failures. Every other alert is
 * told each time.
 */
final class ToldAlerts {

    static final long REMIND_EVERY_MS = 15 * 60_000;

    private static final class Streak {
        final long since;
        long toldAt;
        int raised = 1;

        Streak(long since) {
            this.since = since;
            this.toldAt = since;
        }
    }

    private final Map<AlertKind, Streak> open = new EnumMap<>(AlertKind.class);

    /** Whether an alert of {@code kind} raised at {@code ms} is told: the first of its streak, or a reminder. */
    boolean told(AlertKind kind, long ms) {
        if (kind.repeatingCondition() == null) {
            return true;
        }
        Streak streak = open.get(kind);
        if (streak == null) {
            open.put(kind, new Streak(ms));
            return true;
        }
        streak.raised++;
        if (ms - streak.toldAt < REMIND_EVERY_MS) {
            return false;
        }
        streak.toldAt = ms;
        return true;
    }

    /** What is told for each streak {@code outcomes} end (a publish INSYNC, a fallback change confirmed). */
    List<String> ended(List<ActionOutcome> outcomes, long ms) {
        List<String> told = new ArrayList<>();
        outcomes.forEach(o -> end(AlertKind.endedBy(o), ms, told));
        return told;
    }

    /** What is told when the control-plane watch's readings end its streak (a read answered). */
    List<String> watched(List<Inputs.ControlPlaneReading> readings, long ms) {
        List<String> told = new ArrayList<>();
        readings.forEach(r -> end(AlertKind.endedBy(r), ms, told));
        return told;
    }

    private void end(AlertKind kind, long ms, List<String> told) {
        Streak streak = kind == null ? null : open.remove(kind);
        if (streak != null) {
            told.add(kind.endedNotice(ms - streak.since, streak.raised));
        }
    }
}
