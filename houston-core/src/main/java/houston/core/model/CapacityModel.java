package houston.core.model;

import java.time.Duration;

/**
 * How much traffic a location can serve and how fast it can grow.
 *
 * <p>A location runs {@code instances} identical instances, each serving {@code rpsPerInstance}
 * requests/s at 100% utilisation. Houston plans to {@code targetUtilisation} (e.g. 0.7), never to
 * the edge, and can scale between {@code minInstances} and {@code maxInstances}; a scale-up takes
 * about {@code scaleUpLeadTime} to become ready.
 */
public record CapacityModel(
        int instances,
        double rpsPerInstance,
        int minInstances,
        int maxInstances,
        double targetUtilisation,
        Duration scaleUpLeadTime) {

    public CapacityModel {
        if (minInstances < 0 || maxInstances < minInstances) {
            throw new IllegalArgumentException("instances: min " + minInstances + ", max " + maxInstances
                    + " (expected: 0 <= min <= max)");
        }
        if (instances < minInstances || instances > maxInstances) {
            throw new IllegalArgumentException("instances " + instances
                    + " (expected: " + minInstances + ".." + maxInstances + ")");
        }
        if (!(rpsPerInstance > 0)) {
            throw new IllegalArgumentException("rps-per-instance " + rpsPerInstance + " (expected: > 0)");
        }
        if (!(targetUtilisation > 0 && targetUtilisation <= 1)) {
            throw new IllegalArgumentException("target-utilisation " + targetUtilisation + " (expected: 0 < u <= 1)");
        }
        if (scaleUpLeadTime == null || scaleUpLeadTime.isNegative()) {
            throw new IllegalArgumentException("scale-up-lead-time " + scaleUpLeadTime + " (expected: >= 0s)");
        }
    }

    /** Requests/s that {@code count} instances serve at target utilisation. */
    public double rpsAtTarget(int count) {
        return count * rpsPerInstance * targetUtilisation;
    }

    /** Requests/s the largest allowed fleet serves at target utilisation: the planner's ceiling. */
    public double maxRpsAtTarget() {
        return rpsAtTarget(maxInstances);
    }

    /** Instances needed to serve {@code rps} at target utilisation, clamped to [min, max]. */
    public int instancesFor(double rps) {
        // The small epsilon keeps 350.0000001 rps from asking for a whole extra instance.
        double exact = rps / (rpsPerInstance * targetUtilisation);
        int needed = (int) Math.ceil(exact - 1e-9);
        return Math.max(minInstances, Math.min(maxInstances, needed));
    }
}
