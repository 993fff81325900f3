package houston.sim;

import java.time.Duration;
import java.util.Map;

/**
 * The Route 53 health-check failover a team would set up instead of Houston: {@code checkers}
 * health checkers probe every location each {@code interval}; a checker calls an endpoint
 * unhealthy after {@code failureThreshold} failures in a row (healthy again after as many
 * successes); the endpoint is healthy while more than {@code healthyFraction} of the checkers say
 * so (Route 53's 18%). A failed primary's catchment goes wholly to its fixed secondary, if that
 * one is healthy. Defaults are Route 53's: 30 s, 3, 18%, 16 checkers; the secondary is the
 * nearest other location unless {@code secondaries} names one. {@code fastInterval} is Route 53's
 * fast health checks (10 s), run as a second baseline with the same threshold semantics.
 */
public record Route53Baseline(Duration interval, int failureThreshold, double healthyFraction, int checkers,
                              Map<String, String> secondaries, Duration fastInterval) {

    public Route53Baseline {
        secondaries = Map.copyOf(secondaries);
    }

    public static Route53Baseline defaults() {
        return new Route53Baseline(Duration.ofSeconds(30), 3, 0.18, 16, Map.of(), Duration.ofSeconds(10));
    }

    /** The same failover with fast health checks. */
    public Route53Baseline fast() {
        return new Route53Baseline(fastInterval, failureThreshold, healthyFraction, checkers, secondaries, fastInterval);
    }
}
