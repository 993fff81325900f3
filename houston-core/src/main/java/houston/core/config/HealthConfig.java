package houston.core.config;

import java.time.Duration;
import java.util.List;

/**
 * How probe outcomes become a location score.
 *
 * @param vantages               the vantage points whose observations count (others are ignored)
 * @param quorum                 how many independent vantages must agree before a location is judged
 * @param window                 how far back a (vantage, location) window looks
 * @param maxSamples             most outcomes a window keeps (bounds memory whatever the probe rate)
 * @param minSamples             fewer outcomes than this in the window and the vantage abstains
 * @param slowBadness            how bad a slow-but-correct answer counts, 0 (fine) .. 1 (failure)
 * @param suspectVantageFraction a vantage seeing at least this fraction of locations bad, mostly
 *                               unconfirmed by the others, is itself suspect and discounted
 * @param signalTtl              a service signal older than this is forgotten
 */
public record HealthConfig(
        List<String> vantages,
        int quorum,
        Duration window,
        int maxSamples,
        int minSamples,
        double slowBadness,
        double suspectVantageFraction,
        Duration signalTtl) {

    public HealthConfig {
        vantages = List.copyOf(vantages);
    }

    public static HealthConfig defaults() {
        return new HealthConfig(List.of("vantage-a", "vantage-b", "vantage-c"), 2, Duration.ofSeconds(4), 64, 3,
                0.6, 0.5, Duration.ofSeconds(60));
    }

    public HealthConfig withVantages(List<String> newVantages, int newQuorum) {
        return new HealthConfig(newVantages, newQuorum, window, maxSamples, minSamples, slowBadness,
                suspectVantageFraction, signalTtl);
    }
}
