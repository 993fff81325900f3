package houston.core.health;

/** How a service inside a location says it feels. */
public enum SignalStatus {
    HEALTHY(0.0),
    DEGRADED(0.5),
    FAILING(1.0);

    private final double badness;

    SignalStatus(double badness) {
        this.badness = badness;
    }

    public double badness() {
        return badness;
    }
}
