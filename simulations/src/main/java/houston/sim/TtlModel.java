package houston.sim;

import java.time.Duration;

/**
 * How long DNS clients keep an old answer. A client's answer is the one that was live when it
 * last refreshed; {@link #stale(double)} is the fraction of clients whose last refresh is older
 * than {@code age} seconds. Three populations:
 * <ul>
 *   <li>{@code strict}: resolvers that honour the TTL, refreshing uniformly within it;</li>
 *   <li>the rest but the lingerers: resolvers and clients that stretch the TTL (minimum TTLs,
 *       browser and OS caches), leaving exponentially with mean {@code lagTtls} TTLs;</li>
 *   <li>{@code linger}: clients that ignore the TTL (pinned JVMs, broken resolvers), leaving
 *       exponentially with mean {@code lingerMean}.</li>
 * </ul>
 * The defaults reproduce published measurements of DNS-based failover: at a 20 s TTL about 90%
 * of clients are on the new answer after 60 s and about 2% are still on the old one after 15 min.
 */
public record TtlModel(Duration ttl, double strict, double lagTtls, double linger, Duration lingerMean) {

    public TtlModel {
        if (!(strict >= 0 && linger >= 0 && strict + linger <= 1)) {
            throw new IllegalArgumentException("dns-clients: strict + linger must be within 0..1");
        }
        if (ttl.isNegative() || ttl.isZero() || lingerMean.isNegative() || lingerMean.isZero() || !(lagTtls > 0)) {
            throw new IllegalArgumentException("dns-clients: ttl, lag and linger-mean must be > 0");
        }
    }

    /** The published-measurement defaults at {@code ttl}. */
    public static TtlModel defaults(Duration ttl) {
        return new TtlModel(ttl, 0.75, 2.75, 0.025, Duration.ofHours(1));
    }

    /**
     * This population as one catchment's resolvers have it in one seeded world: the share that
     * ignores TTLs, how long they linger and how far the others stretch TTLs each drawn uniformly
     * within ±50% (±20% for the stretch) of the configured value, so that the seed moves the DNS
     * tail as it moves every other random part of the world. The mean over seeds is the configured model.
     */
    public TtlModel varied(java.util.SplittableRandom random) {
        double lingerFactor = 0.5 + random.nextDouble();
        double meanFactor = 0.5 + random.nextDouble();
        double lagFactor = 0.8 + 0.4 * random.nextDouble();
        double varLinger = Math.min(1 - strict, linger * lingerFactor);
        return new TtlModel(ttl, strict, lagTtls * lagFactor, varLinger,
                Duration.ofMillis(Math.max(1, (long) (lingerMean.toMillis() * meanFactor))));
    }

    /** Fraction of clients whose answer is older than {@code age} seconds (1 at age 0, falling to 0). */
    public double stale(double age) {
        if (age <= 0) {
            return 1.0;
        }
        double t = ttl.toMillis() / 1000.0;
        double lagging = 1 - strict - linger;
        return strict * Math.max(0, 1 - age / t) + lagging * Math.exp(-age / (lagTtls * t))
                + linger * Math.exp(-age / (lingerMean.toMillis() / 1000.0));
    }
}
