package houston.core.props;

import houston.core.config.EngineConfig;
import houston.core.config.FailbackConfig;
import houston.core.config.HealthConfig;
import houston.core.config.HysteresisConfig;
import houston.core.config.PlannerConfig;
import houston.core.config.SafetyConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Duration;
import java.util.List;

/**
 * Random engine settings that a topology of {@code n} locations can satisfy: one to four
 * vantages with any quorum, every safety limit anywhere in its valid range, holds and timeouts
 * short enough that a history of a few minutes reaches fail-back and expiry.
 */
public final class EngineConfigGenerator {

    private static final List<String> VANTAGES = List.of("vantage-a", "vantage-b", "vantage-c", "vantage-d");

    private EngineConfigGenerator() {
    }

    public static Arbitrary<EngineConfig> forLocations(int n) {
        return Combinators.combine(health(), hysteresis(), failback(), planner(), safety(n)).as(EngineConfig::new);
    }

    private static Arbitrary<HealthConfig> health() {
        return Arbitraries.integers().between(1, VANTAGES.size()).flatMap(v -> Combinators.combine(
                Arbitraries.integers().between(1, v), Arbitraries.integers().between(1, 3))
                .as((quorum, minSamples) -> new HealthConfig(VANTAGES.subList(0, v), quorum, Duration.ofSeconds(5), 64,
                        minSamples, 0.6, 0.5, Duration.ofSeconds(60))));
    }

    private static Arbitrary<HysteresisConfig> hysteresis() {
        return Arbitraries.of(5, 20, 60).map(up -> new HysteresisConfig(0.5, 0.9, 0.1, Duration.ofSeconds(2),
                Duration.ofSeconds(up)));
    }

    private static Arbitrary<FailbackConfig> failback() {
        return Arbitraries.integers().between(5, 30).map(hold -> new FailbackConfig(List.of(0.25, 0.5, 1.0),
                Duration.ofSeconds(hold)));
    }

    private static Arbitrary<PlannerConfig> planner() {
        return Arbitraries.integers().between(1, 3).flatMap(receivers -> Combinators.combine(
                Arbitraries.integers().between(receivers, 6), Arbitraries.integers().between(10, 300),
                Arbitraries.integers().between(1, 15))
                .as((max, timeout, cooldown) -> new PlannerConfig(receivers, max, Duration.ofSeconds(timeout),
                        Duration.ofMinutes(cooldown))));
    }

    private static Arbitrary<SafetyConfig> safety(int n) {
        return Combinators.combine(Arbitraries.integers().between(1, n),
                Arbitraries.doubles().between(0.2, 0.8).ofScale(2),
                Arbitraries.integers().between(Math.min(1, n - 1), n - 1), Arbitraries.integers().between(1, n),
                Arbitraries.integers().between(1, 10), Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(5, 60))
                .as((maxEvacuated, failStatic, minServing, maxNew, rateMinutes, overrideMinutes, retry) ->
                        new SafetyConfig(maxEvacuated, failStatic, minServing, maxNew, Duration.ofMinutes(rateMinutes),
                                Duration.ofMinutes(overrideMinutes), Duration.ofSeconds(retry), false));
    }
}
