package houston.core.engine;

/** Where an operator pins a location, whatever its score says. */
public enum PinTarget {
    /** Keep serving: never evacuated automatically; an evacuated location fails back without aborting. */
    HEALTHY,
    /** Keep evacuated: evacuated now if serving, never failed back while the pin holds. */
    EVACUATED
}
