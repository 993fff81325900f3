package houston.core.config;

import java.time.Duration;

/**
 * How the engine trusts measured demand and running instances.
 *
 * @param maxAge            a reading older than this is ignored; a catchment whose last reading
 *                          is older falls back to its configured peak demand (a reader that stopped
 *                          answering must not freeze the plan on a value from an hour ago)
 * @param scaleDownHeadroom fraction added to a location's own measured demand when choosing how
 *                          far a scale-down may go: a catchment still rising during the scale-down
 *                          is not left at exactly its target utilisation
 * @param readingLag        how far a reading trails the demand it measures: half the window of the
 *                          rate it is ({@code rate(...[1m])}: 30 s). A rise is carried ahead over it,
 *                          as well as over the minute a move takes to be felt
 */
public record DemandConfig(Duration maxAge, double scaleDownHeadroom, Duration readingLag) {

    /** The lag of a one-minute rate, the query the documentation proposes. */
    public static final Duration DEFAULT_READING_LAG = Duration.ofSeconds(30);

    public DemandConfig(Duration maxAge, double scaleDownHeadroom) {
        this(maxAge, scaleDownHeadroom, DEFAULT_READING_LAG);
    }

    public DemandConfig {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("demand max-age " + maxAge + " (expected: > 0s)");
        }
        if (!(scaleDownHeadroom >= 0 && scaleDownHeadroom <= 1)) {
            throw new IllegalArgumentException("demand scale-down-headroom " + scaleDownHeadroom
                    + " (expected: 0..1)");
        }
        if (readingLag == null || readingLag.isNegative() || readingLag.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("demand reading-lag " + readingLag + " (expected: 0s..10m)");
        }
    }

    public static DemandConfig defaults() {
        return new DemandConfig(Duration.ofMinutes(2), 0.1);
    }
}
