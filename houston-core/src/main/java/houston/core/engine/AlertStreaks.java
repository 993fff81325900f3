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
 * other alert is told each time. A condition that comes back within {@link #REMIND_EVERY} of its end
 * continues its streak, untold until the next reminder is due: an API flapping every minute paged
 * on every cycle. The end notice says so, and a flapping streak's end is told only when a failure
 * was told since the last end (the last thing told is always the truth, at most a reminder late).
 * The daemon tells people this way and the simulator counts its safety alerts the same way, so a
 * drill's count is what an operator would have heard. Time is an input: the caller says when each
 * alert and outcome happened.
 */
public final class AlertStreaks {

    public static final Duration REMIND_EVERY = Duration.ofMinutes(15);

    /**
     * An alert to tell: the streak it belongs to started {@code since} and has raised it {@code raised}
     * times, this one included (1 for an alert told every time); the condition went away and came back
     * {@code recoveries} times in between (a flapping API).
     */
    public record Told(Instant since, int raised, int recoveries) {

        /** True for a reminder of a condition told before, false for the first telling. */
        public boolean reminder() {
            return raised > 1;
        }
    }

    /**
     * A condition failing since {@code since}: last told at {@code toldAt}, raised {@code raised} times,
     * gone and back {@code recoveries} times; {@code endedAt} when it last went away (null while it
     * fails), {@code endOwed} while the last thing told about it is that it fails.
     */
    private record Streak(Instant since, Instant toldAt, int raised, int recoveries, Instant endedAt, boolean endOwed) {

        boolean open() {
            return endedAt == null;
        }
    }

    private final Map<AlertKind, Streak> streaks = new EnumMap<>(AlertKind.class);

    /** An alert of {@code kind} raised at {@code now}: what to tell (the first, or a reminder), or null to leave it untold. */
    public Told raised(AlertKind kind, Instant now) {
        if (kind.repeatingCondition() == null) {
            return new Told(now, 1, 0);
        }
        Streak streak = streaks.get(kind);
        if (streak == null || (!streak.open() && !recent(streak.endedAt(), now))) {
            streaks.put(kind, new Streak(now, now, 1, 0, null, true));
            return new Told(now, 1, 0);
        }
        int raised = streak.raised() + 1;
        int recoveries = streak.recoveries() + (streak.open() ? 0 : 1);
        if (recent(streak.toldAt(), now)) {
            streaks.put(kind, new Streak(streak.since(), streak.toldAt(), raised, recoveries, null, streak.endOwed()));
            return null;
        }
        streaks.put(kind, new Streak(streak.since(), now, raised, recoveries, null, true));
        return new Told(streak.since(), raised, recoveries);
    }

    private static boolean recent(Instant at, Instant now) {
        return Duration.between(at, now).compareTo(REMIND_EVERY) < 0;
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
        Streak streak = kind == null ? null : streaks.get(kind);
        if (streak == null || !streak.open()) {
            return;
        }
        streaks.put(kind, new Streak(streak.since(), streak.toldAt(), streak.raised(), streak.recoveries(), now, false));
        if (streak.endOwed()) {
            told.add(kind.endedNotice(Duration.between(streak.since(), now).toMillis(), streak.raised(),
                    streak.recoveries()) + "; if they fail again within " + REMIND_EVERY.toMinutes()
                    + " min, that is told with the next reminder");
        }
    }
}
