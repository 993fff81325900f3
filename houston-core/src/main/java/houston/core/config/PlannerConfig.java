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
 */
public record PlannerConfig(int receivers, int maxReceivers, Duration prescaleTimeout, Duration scaleDownCooldown) {

    public static PlannerConfig defaults() {
        return new PlannerConfig(3, 6, Duration.ofMinutes(5), Duration.ofMinutes(15));
    }
}
