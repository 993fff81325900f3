package houston.core.engine;

/** Safety events that page a human, because Houston chose not to act or could not. */
public enum AlertKind {
    /** Too many locations look bad at once: the observers are suspect, Houston acts on nothing. */
    FAIL_STATIC,
    /** A location is bad but the safety policy holds its evacuation back. */
    EVACUATION_HELD,
    /**
     * Every vantage calls a location dead while max-evacuated or the evacuation rate limit is
     * reached: Houston evacuates it anyway
     * (users on a dead location fail whatever the cap says) and pages so a human can look at once.
     */
    SAFETY_LIMIT_PASSED,
    /** Receivers could not absorb everything: part of a catchment stays on a bad location. */
    CAPACITY_SHORTFALL,
    /** A DNS publish failed after its retries. */
    DNS_PUBLISH_FAILED,
    /** Another writer owns the DNS zone: Houston stopped publishing. */
    DNS_OWNERSHIP_LOST,
    /** The data-plane fallback could not be set: traffic stays where the live weights put it. */
    DNS_FALLBACK_FAILED,
    /**
     * The control-plane watch's reads fail: the DNS API is down (or throttled) before any publish
     * needed it. Nothing moves for it alone; the fallback's clock runs and floor receivers grow.
     */
    DNS_CONTROL_PLANE_DOWN,
    /** A scale-up failed or timed out. */
    SCALER_FAILED,
    /** The control loop could not step the engine: the tick's inputs wait for the next one. */
    TICK_FAILED,
    /** Measured demand stopped arriving: the engine plans those catchments on their configured peak. */
    DEMAND_STALE;

    /**
     * The condition this alert repeats for, named for people, when the engine raises it on every
     * retry while the condition lasts (so it is told once, reminded, and told when it ends);
     * null for an alert told every time.
     */
    public String repeatingCondition() {
        return switch (this) {
            case DNS_PUBLISH_FAILED -> "DNS publishes";
            case DNS_FALLBACK_FAILED -> "DNS data-plane fallback changes";
            case DNS_CONTROL_PLANE_DOWN -> "DNS control-plane reads";
            default -> null;
        };
    }

    /**
     * What is told when this alert's streak ends: "DNS publishes work again after 34 s (3 failures)",
     * with how often they worked in between for a flapping condition. Seconds under a minute: a 34 s
     * outage read "after 0 min".
     */
    public String endedNotice(long failingForMs, int failures, int recoveries) {
        String flapped = recoveries > 0 ? "on and off: worked again " + recoveries + (recoveries == 1 ? " time" : " times")
                + " in between" : "";
        String after = repeatingCondition() + " work again after " + DnsFallbackTracker.human(failingForMs);
        if (this == DNS_CONTROL_PLANE_DOWN) {
            // The watch alerts once per failure, not per refused read: a count would read as reads.
            return after + (flapped.isEmpty() ? "" : " (" + flapped + ")");
        }
        return after + " (" + failures + (failures == 1 ? " failure" : " failures")
                + (flapped.isEmpty() ? ")" : ", " + flapped + ")");
    }

    /** The repeating alert {@code outcome} ends (a publish INSYNC or accepted, a fallback change confirmed), or null. */
    public static AlertKind endedBy(ActionOutcome outcome) {
        return outcome instanceof ActionOutcome.PlanPublished p && (p.status() == ActionOutcome.PublishStatus.INSYNC
                || p.status() == ActionOutcome.PublishStatus.ACCEPTED)
                ? DNS_PUBLISH_FAILED
                : outcome instanceof ActionOutcome.FallbackEngaged f && f.engaged() ? DNS_FALLBACK_FAILED : null;
    }

    /** The repeating alert a watch reading ends (a read answered ends the watch's failure), or null. */
    public static AlertKind endedBy(Inputs.ControlPlaneReading reading) {
        return reading.ok() ? DNS_CONTROL_PLANE_DOWN : null;
    }
}
