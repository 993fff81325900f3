package houston.core.config;

import java.time.Duration;

/**
 * Limits every automatic action must pass.
 *
 * @param maxEvacuated        at most this many locations evacuating or evacuated at once (unanimous evidence passes it)
 * @param failStaticFraction  when at least this fraction of all locations look bad at the same
 *                            moment, suspect the observers: act on none and alert humans
 * @param minServing          never leave fewer than this many locations serving their catchment
 * @param maxNewEvacuations   at most this many new automatic evacuations ...
 * @param rateWindow          ... within this sliding window
 * @param defaultOverride     how long an operator override (evacuate, pin, freeze) lasts when
 *                            no duration is given
 * @param publishRetry        a plan whose publication failed is published again after this
 * @param dryRun              compute and report every decision, apply nothing
 */
public record SafetyConfig(
        int maxEvacuated,
        double failStaticFraction,
        int minServing,
        int maxNewEvacuations,
        Duration rateWindow,
        Duration defaultOverride,
        Duration publishRetry,
        boolean dryRun) {

    public static SafetyConfig defaults() {
        return new SafetyConfig(2, 0.3, 10, 2, Duration.ofMinutes(10), Duration.ofHours(1),
                Duration.ofSeconds(10), false);
    }

    public SafetyConfig withDryRun(boolean on) {
        return new SafetyConfig(maxEvacuated, failStaticFraction, minServing, maxNewEvacuations, rateWindow,
                defaultOverride, publishRetry, on);
    }

    /** The number of simultaneously bad locations that engages fail-static, out of {@code locations}. */
    public int failStaticCount(int locations) {
        return Math.max(1, (int) Math.ceil(failStaticFraction * locations - 1e-9));
    }
}
