package houston.core.config;

import java.time.Duration;

/**
 * How each vantage probes each target (used by the probes adapter, validated with the rest).
 *
 * @param interval         time between two probes of one target
 * @param jitter           random spread added to each interval so probes do not march in step
 * @param connectTimeout   TCP+TLS connect budget
 * @param timeout          whole-request budget; an answer after it is a timeout
 * @param latencyObjective a correct answer slower than this is "slow"
 * @param maxBodyBytes     read no more of a body than this
 * @param maxInFlight      probes in flight per vantage; when full, a due probe is skipped and counted
 */
public record ProbeConfig(
        Duration interval,
        Duration jitter,
        Duration connectTimeout,
        Duration timeout,
        Duration latencyObjective,
        int maxBodyBytes,
        int maxInFlight) {

    public static ProbeConfig defaults() {
        return new ProbeConfig(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofMillis(1000),
                Duration.ofMillis(2000), Duration.ofMillis(800), 64 * 1024, 256);
    }
}
