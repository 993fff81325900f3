package houston.core.engine;

/** The kinds of decision the engine records; each one is a line in Slack, the journal and {@code explain}. */
public enum DecisionKind {
    SUSPECTED,
    CLEARED,
    EVACUATION_DECIDED,
    EVACUATION_HELD,
    EVACUATION_CANCELLED,
    TRAFFIC_SHIFTING,
    TRAFFIC_SHIFTED,
    FAILBACK_STEP,
    FAILBACK_ABORTED,
    RESTORED,
    FAIL_STATIC_ENGAGED,
    FAIL_STATIC_RELEASED,
    VANTAGES_DISCOUNTED,
    VANTAGES_TRUSTED,
    OVERRIDE_APPLIED,
    OVERRIDE_EXPIRED,
    COMMAND_REJECTED,
    PUBLISH_FAILED,
    /** DNS publishes (or fallback changes) work again after failing: the all-clear, not a failure. */
    PUBLISH_RECOVERED,
    FALLBACK_ENGAGED,
    FALLBACK_RELEASED,
    SCALE_UPDATE,
    DEMAND_FALLBACK
}
