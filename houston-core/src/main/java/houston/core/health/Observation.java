package houston.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One probe result: vantage {@code vantage} asked canary site {@code target} at location
 * {@code location} at {@code at} and saw {@code outcome} after {@code latency}.
 */
public record Observation(String vantage, String location, String target, Instant at, Outcome outcome,
                          Duration latency) {

    public Observation {
        Objects.requireNonNull(vantage, "vantage");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        target = target == null ? "" : target;
        latency = latency == null ? Duration.ZERO : latency;
    }
}
