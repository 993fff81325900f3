package houston.core.config;

import java.time.Duration;

/**
 * Receiver choice.
 *
 * @param receivers       how many nearest healthy locations share an evacuated catchment (2..3 usual)
 * @param maxReceivers    how far the planner may extend when the nearest cannot absorb the load
 * @param prescaleTimeout how long a degraded (not dead) location waits for its receivers to be
 *                        ready before its traffic is shifted anyway
 * @param scaleDownCooldown how long a pre-scaled receiver must have carried no other catchment's
 *                        traffic before it is scaled back to its own size
 * @param scaleDownAfterFailback how long after a location's fail-back completes its receivers keep
 *                        what its evacuation would need again (doubled per relapse it is remembered
 *                        for, at most four times): a location that failed recently is the likeliest
 *                        to fail next, and receivers scaled down just before it does take a lead
 *                        time to grow back while its users wait far away or fail
 */
public record PlannerConfig(int receivers, int maxReceivers, Duration prescaleTimeout, Duration scaleDownCooldown,
                            Duration scaleDownAfterFailback) {

    /** The same flap-damping window in which a new evacuation counts as a relapse. */
    public static final Duration DEFAULT_SCALE_DOWN_AFTER_FAILBACK = Duration.ofMinutes(30);

    /** Receivers keep a recently failed location's headroom for {@link #DEFAULT_SCALE_DOWN_AFTER_FAILBACK}. */
    public PlannerConfig(int receivers, int maxReceivers, Duration prescaleTimeout, Duration scaleDownCooldown) {
        this(receivers, maxReceivers, prescaleTimeout, scaleDownCooldown, DEFAULT_SCALE_DOWN_AFTER_FAILBACK);
    }

    public static PlannerConfig defaults() {
        return new PlannerConfig(3, 6, Duration.ofMinutes(5), Duration.ofMinutes(15), DEFAULT_SCALE_DOWN_AFTER_FAILBACK);
    }
}
