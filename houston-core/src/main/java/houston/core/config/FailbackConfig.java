package houston.core.config;

import java.time.Duration;
import java.util.List;

/**
 * Stepped fail-back: the fractions of its own catchment a recovering location serves at each
 * step (the last is 1.0), and how long each step must hold with a good score before the next.
 */
public record FailbackConfig(List<Double> steps, Duration stepHold) {

    public FailbackConfig {
        steps = List.copyOf(steps);
    }

    public static FailbackConfig defaults() {
        return new FailbackConfig(List.of(0.25, 0.5, 1.0), Duration.ofSeconds(30));
    }
}
