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

    /**
     * The most of its ready instances a receiver is given while it scales: 90%, or the target
     * utilisation when that is higher. Run at exactly 100%, a fleet's every burst is an error (the
     * lab's receivers answered 5xx at 100% of their ready instances); past 90% latency climbs.
     */
    public static final double INTERIM_CEILING = 0.9;

    /** Requests/s {@code count} ready instances serve at the interim ceiling (see {@link #INTERIM_CEILING}). */
    public double rpsAtInterimCeiling(int count) {
        return count * rpsPerInstance * Math.max(INTERIM_CEILING, targetUtilisation);
    }

    /**
     * The most a receiver may serve on {@code ready} instances before its pre-scales land: the
     * interim ceiling of those instances, and never past its maximum ({@link #maxRpsAtTarget()}).
     * Running ready instances above target is tolerable only because the scale-up brings the
     * receiver back to target; past what its largest fleet serves at target no scale-up can.
     */
    public double rpsWhileScaling(int ready) {
        return rpsWhileScaling(ready, 1);
    }

    /**
     * As {@link #rpsWhileScaling(int)} for an evacuee that is only {@code urgency} (0..1) as bad as a
     * dead one: its ready instances are filled to target utilisation at 0 and to the interim ceiling
     * at 1, in proportion. A degraded location still serves most of its users, so pushing a receiver
     * past its planned operating point for it buys little; a dead one's users fail wherever they wait.
     */
    public double rpsWhileScaling(int ready, double urgency) {
        double ceiling = Math.max(INTERIM_CEILING, targetUtilisation);
        double u = Math.max(0, Math.min(1, urgency));
        double utilisation = targetUtilisation + u * (ceiling - targetUtilisation);
        return Math.min(ready * rpsPerInstance * utilisation, maxRpsAtTarget());
    }

    /** Requests/s that {@code count} instances serve at target utilisation. */
    public double rpsAtTarget(int count) {
        return count * rpsPerInstance * targetUtilisation;
    }

    /**
     * A location's maximum: what its largest allowed fleet serves at target utilisation. No
     * receiver is ever given other catchments' traffic past it, in a plan or while it scales.
     */
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
