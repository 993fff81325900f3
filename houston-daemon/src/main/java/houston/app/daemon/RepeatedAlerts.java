package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.AlertKind;
import houston.core.engine.Decision;
import houston.core.engine.DecisionKind;
import houston.core.engine.Explanation;
import houston.core.engine.Inputs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts the engine raises on every retry for as long as a condition lasts (a DNS publish, or a
 * data-plane fallback change, failing every publish-retry: ~120 an hour in an outage) are told
 * once when the condition starts, then as a reminder every {@link #REMIND_EVERY} in the open
 * incident's thread when there is one, and once more when it ends. The engine still raises each
 * one (metrics and the journal count them all); only what people are told, and what the
 * decisions ring keeps, is collapsed, so the ring still holds the fallback's engagement.
 */
final class RepeatedAlerts {

    static final Duration REMIND_EVERY = Duration.ofMinutes(15);

    /** A condition failing since {@code since}: last told at {@code toldAt}, raised {@code raised} times. */
    private record Streak(Instant since, Instant toldAt, int raised) {
    }

    private static final Explanation NO_EVIDENCE = new Explanation(null, null, List.of(), List.of());

    private final Map<AlertKind, Streak> open = new EnumMap<>(AlertKind.class);

    /** The alert to tell now (the first, or a reminder), or null to leave it untold. */
    synchronized Action.Alert pass(Action.Alert alert, Instant now, String incident) {
        String what = what(alert.kind());
        if (what == null) {
            return alert;
        }
        Streak streak = open.get(alert.kind());
        if (streak == null) {
            open.put(alert.kind(), new Streak(now, now, 1));
            return alert;
        }
        if (Duration.between(streak.toldAt(), now).compareTo(REMIND_EVERY) < 0) {
            open.put(alert.kind(), new Streak(streak.since(), streak.toldAt(), streak.raised() + 1));
            return null;
        }
        open.put(alert.kind(), new Streak(streak.since(), now, streak.raised() + 1));
        String message = what + " still failing for " + minutes(streak.since(), now) + " (" + (streak.raised() + 1)
                + " failures since " + streak.since() + "): " + alert.message();
        Decision d = alert.decision();
        return new Action.Alert(alert.kind(), message, new Decision(now, d == null ? Decision.GLOBAL : d.location(),
                d == null ? DecisionKind.PUBLISH_FAILED : d.kind(), incident, message, d != null && d.dryRun(),
                d == null ? NO_EVIDENCE : d.explanation()));
    }

    /** One notice per condition the tick's outcomes end: a publish confirmed, a fallback change confirmed. */
    synchronized List<Action.Notify> ended(List<ActionOutcome> outcomes, Instant now, String incident) {
        List<Action.Notify> notices = new ArrayList<>();
        for (ActionOutcome o : outcomes) {
            end(AlertKind.endedBy(o), now, incident, notices);
        }
        return notices;
    }

    /** The notice when the tick's control-plane watch readings end its failure (a read answered). */
    synchronized List<Action.Notify> watched(List<Inputs.ControlPlaneReading> readings, Instant now, String incident) {
        List<Action.Notify> notices = new ArrayList<>();
        for (Inputs.ControlPlaneReading r : readings) {
            end(AlertKind.endedBy(r), now, incident, notices);
        }
        return notices;
    }

    private void end(AlertKind kind, Instant now, String incident, List<Action.Notify> notices) {
        Streak streak = kind == null ? null : open.remove(kind);
        if (streak != null) {
            String summary = kind.endedNotice(Duration.between(streak.since(), now).toMillis(), streak.raised());
            notices.add(new Action.Notify(new Decision(now, Decision.GLOBAL, DecisionKind.PUBLISH_RECOVERED, incident,
                    summary, false, NO_EVIDENCE)));
        }
    }

    /** The repeating conditions, named for people; null for an alert told every time. */
    private static String what(AlertKind kind) {
        return kind.repeatingCondition();
    }

    private static String minutes(Instant since, Instant now) {
        return Duration.between(since, now).toMinutes() + " min";
    }
}
