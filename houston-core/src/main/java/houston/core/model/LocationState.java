package houston.core.model;

/**
 * Where a location is in its life cycle. Traffic moves only on the transitions into
 * {@link #EVACUATING} (away) and through {@link #RECOVERING} (back, in steps).
 */
public enum LocationState {
    /** Serving its catchment; score above the down threshold. */
    HEALTHY,
    /** Score below the down threshold, not yet for the down hold time: watched, not acted on. */
    SUSPECT,
    /** Decided to evacuate: receivers pre-scaling and/or the new plan being published. */
    EVACUATING,
    /** Its catchment is served elsewhere and the plan is live. */
    EVACUATED,
    /** Traffic coming back in steps; aborts to EVACUATED if the score drops. */
    RECOVERING;

    /** True while the location's catchment is (partly) served elsewhere or about to be. */
    public boolean isEvacuation() {
        return this == EVACUATING || this == EVACUATED || this == RECOVERING;
    }

    /** True while the location is out on bad evidence: evacuating or evacuated, not yet coming back. */
    public boolean isAway() {
        return this == EVACUATING || this == EVACUATED;
    }
}
