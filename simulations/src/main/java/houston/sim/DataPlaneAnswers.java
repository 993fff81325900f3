package houston.sim;

import houston.core.config.DnsFallbackConfig;
import houston.core.plan.FallbackReceivers;

import java.util.Set;

/**
 * What Route 53 answers for a weighted pool when the data-plane fallback drops some locations'
 * records (their health checks fail), and how long after Houston asks. The pools hold what the
 * policy published: with {@link FallbackReceivers} floors when the policy publishes them, as the
 * daemon's DNS writer does.
 */
final class DataPlaneAnswers {

    /** ARC: a routing control's new state reaches Route 53's answers within seconds (modelled as 5 s). */
    static final long ARC_DELAY_MS = 5_000;

    /** null: the policy publishes its rows as they are. */
    private final FallbackReceivers floors;

    DataPlaneAnswers(FallbackReceivers floors) {
        this.floors = floors;
    }

    /**
     * health-endpoint: Route 53's checkers see the 503 within one request interval times the
     * failure threshold of the checks Houston created (its {@code houston.dns.health-check}, not the
     * baselines' checks of the locations themselves); arc: seconds.
     */
    static long delayMs(HoustonSetup setup) {
        return setup.engine().dnsFallback().mode() == DnsFallbackConfig.Mode.ARC ? ARC_DELAY_MS
                : setup.checkInterval().toMillis() * setup.checkFailureThreshold();
    }

    /** Pool {@code pool}'s answer shares: its published row (floored) less the dropped records. */
    double[] answer(int pool, double[][] published, Set<Integer> dropped) {
        return FallbackReceivers.withoutDropped(floors == null ? published[pool] : floors.floored(pool, published),
                dropped);
    }
}
