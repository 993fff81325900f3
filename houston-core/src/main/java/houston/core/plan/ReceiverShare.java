package houston.core.plan;

/**
 * What one receiver takes of a moved catchment, with the capacity math behind it.
 *
 * @param location        receiver id
 * @param distance        distance from the catchment's home (km, or the configured unit)
 * @param fraction        share of the moved catchment's demand it takes
 * @param addedRps        requests/s it takes on
 * @param loadBeforeRps   requests/s it served before
 * @param loadAfterRps    requests/s it will serve
 * @param instancesBefore instances it runs now
 * @param instancesNeeded instances it needs for {@code loadAfterRps} at target utilisation
 * @param maxRpsAtTarget  what its largest allowed fleet serves at target utilisation
 */
public record ReceiverShare(
        String location,
        double distance,
        double fraction,
        double addedRps,
        double loadBeforeRps,
        double loadAfterRps,
        int instancesBefore,
        int instancesNeeded,
        double maxRpsAtTarget) {

    /** True when the receiver must grow before it can take its share at target utilisation. */
    public boolean needsScaleUp() {
        return instancesNeeded > instancesBefore;
    }

    /** Utilisation of the largest allowed fleet at the new load, relative to target (≤ 1 by construction). */
    public double levelOfMax() {
        return maxRpsAtTarget == 0 ? 0 : loadAfterRps / maxRpsAtTarget;
    }
}
