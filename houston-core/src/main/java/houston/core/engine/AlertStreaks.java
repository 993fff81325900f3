package houston.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which safety alerts people are told. An alert the engine raises on every retry while a condition
 * lasts ({@link AlertKind#repeatingCondition()}: a DNS publish or a data-plane fallback change
 * failing every publish-retry, ~120 an hour in an outage) is told once when its streak starts, then
 * as a reminder every {@link #REMIND_EVERY}, and its end is told with the number of failures; every
 * other alert is told each time. The daemon tells people this way and the simulator counts its
 * safety alerts the same way, so a drill's count is what an operator would have heard. Time is an
 * input: the caller says when each alert and outcome happened.
 */
public final class AlertStreaks {

    public static final Duration REMIND_EVERY = Duration.ofMinutes(15);

    /**
     * An alert to tell: the streak it belongs to started {@code since} and has raised it {@code raised}
     * times, this one included (1 for an alert told every time).
     */
    public record Told(Instant since, int raised) {

        /** True for a reminder of a condition told before, false for the first telling. */
        public boolean reminder() {
            return raised > 1;
        }
    }

    /** A condition failing since {@code since}: last told at {@code toldAt}, raised {@code raised} times. */
    private record Streak(Instant since, Instant toldAt, int raised) {
    }

    private final Map<AlertKind, Streak> open = new EnumMap<>(AlertKind.class);

    /** An alert of {@code kind} raised at {@code now}: what to tell (the first, or a reminder), or null to leave it untold. */
    public Told raised(AlertKind kind, Instant now) {
        if (kind.repeatingCondition() == null) {
            return new Told(now, 1);
        }
        Streak streak = open.get(kind);
        if (streak == null) {
            open.put(kind, new Streak(now, now, 1));
            return new Told(now, 1);
        }
        int raised = streak.raised() + 1;
        if (Duration.between(streak.toldAt(), now).compareTo(REMIND_EVERY) < 0) {
            open.put(kind, new Streak(streak.since(), streak.toldAt(), raised));
            return null;
        }
        open.put(kind, new Streak(streak.since(), now, raised));
        return new Told(streak.since(), raised);
    }

    /** What is told for each streak {@code outcomes} end (a publish INSYNC, a fallback change confirmed). */
    public List<String> ended(List<ActionOutcome> outcomes, Instant now) {
        List<String> told = new ArrayList<>();
        outcomes.forEach(o -> end(AlertKind.endedBy(o), now, told));
        return told;
    }

    /** What is told when the control-plane watch's readings end its streak (a read answered). */
    public List<String> watched(List<Inputs.ControlPlaneReading> readings, Instant now) {
        List<String> told = new ArrayList<>();
        readings.forEach(r -> end(AlertKind.endedBy(r), now, told));
        return told;
    }

    private void end(AlertKind kind, Instant now, List<String> told) {
        Streak streak = kind == null ? null : open.remove(kind);
        if (streak != null) {
            told.add(kind.endedNotice(Duration.between(streak.since(), now).toMillis(), streak.raised()));
        }
    }
}
