package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.AlertKind;
import houston.core.engine.AlertStreaks;
import houston.core.engine.Decision;
import houston.core.engine.DecisionKind;
import houston.core.engine.Explanation;
import houston.core.engine.Inputs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The daemon's telling of {@link AlertStreaks}: a repeating alert is told once when its condition
 * starts, then as a reminder every {@link AlertStreaks#REMIND_EVERY} in the open incident's thread
 * when there is one, and once more when it ends. The engine still raises each one (metrics and the
 * journal count them all); only what people are told, and what the decisions ring keeps, is
 * collapsed, so the ring still holds the fallback's engagement. Synchronized like the control loop
 * that calls it: its streaks are shared state.
 */
final class RepeatedAlerts {

    private static final Explanation NO_EVIDENCE = new Explanation(null, null, List.of(), List.of());

    private AlertStreaks streaks = new AlertStreaks();

    /**
     * A replica starts leading. What it raised while it followed were its suppressed actions ("only
     * the leader publishes"), not failures of DNS: forgotten, so it neither announces their end nor
     * counts them. An outage of the DNS API the previous leader was in ({@code apiFailingSince}, epoch
     * ms; 0: none) was paged by it: its publish and control-plane streaks continue from then, reminded
     * on the same schedule and told once when they end, not paged again.
     */
    synchronized void takeOver(long apiFailingSince) {
        streaks = new AlertStreaks();
        if (apiFailingSince > 0) {
            Instant since = Instant.ofEpochMilli(apiFailingSince);
            streaks.raised(AlertKind.DNS_PUBLISH_FAILED, since);
            streaks.raised(AlertKind.DNS_CONTROL_PLANE_DOWN, since);
        }
    }

    /** The alert to tell now (the first, or a reminder), or null to leave it untold. */
    synchronized Action.Alert pass(Action.Alert alert, Instant now, String incident) {
        AlertStreaks.Told told = streaks.raised(alert.kind(), now);
        if (told == null || !told.reminder()) {
            return told == null ? null : alert;
        }
        String message = alert.kind().repeatingCondition() + (told.recoveries() > 0 ? " failing on and off for "
                : " still failing for ") + Duration.between(told.since(), now).toMinutes() + " min (" + told.raised()
                + " failures since " + told.since() + (told.recoveries() > 0 ? ", worked again " + told.recoveries()
                + " times in between" : "") + "): " + alert.message();
        Decision d = alert.decision();
        return new Action.Alert(alert.kind(), message, new Decision(now, d == null ? Decision.GLOBAL : d.location(),
                d == null ? DecisionKind.PUBLISH_FAILED : d.kind(), incident, message, d != null && d.dryRun(),
                d == null ? NO_EVIDENCE : d.explanation()));
    }

    /** One notice per condition the tick's outcomes end: a publish confirmed, a fallback change confirmed. */
    synchronized List<Action.Notify> ended(List<ActionOutcome> outcomes, Instant now, String incident) {
        return notices(streaks.ended(outcomes, now), now, incident);
    }

    /** The notice when the tick's control-plane watch readings end its failure (a read answered). */
    synchronized List<Action.Notify> watched(List<Inputs.ControlPlaneReading> readings, Instant now, String incident) {
        return notices(streaks.watched(readings, now), now, incident);
    }

    private static List<Action.Notify> notices(List<String> summaries, Instant now, String incident) {
        return summaries.stream().map(summary -> new Action.Notify(new Decision(now, Decision.GLOBAL,
                DecisionKind.PUBLISH_RECOVERED, incident, summary, false, NO_EVIDENCE))).toList();
    }
}
