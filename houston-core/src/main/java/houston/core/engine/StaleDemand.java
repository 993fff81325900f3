package houston.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Falls a catchment back to its configured peak demand when its last measurement is older than
 * the demand max-age. A demand source that stopped answering (Prometheus down, a query that
 * returns nothing) would otherwise leave the engine planning pre-scales, receivers and
 * scale-downs on a value from long ago; the peak is the safe side, as receivers are sized for it.
 * Every catchment that goes stale on one tick is told in one alert, so a reader that fails for
 * all locations at once pages once, not fifteen times; the next fresh reading is planned on again.
 */
final class StaleDemand {

    void apply(StepContext ctx) {
        long maxAge = ctx.config.demand().maxAge().toMillis();
        List<String> stale = new ArrayList<>();
        for (int l = 0; l < ctx.topology.size(); l++) {
            long at = ctx.demandReadAt[l];
            if (at > 0 && ctx.now - at > maxAge) {
                double peak = ctx.topology.location(l).peakDemandRps();
                stale.add(String.format(Locale.ROOT, "%s (read %ds ago, %.0f rps; planning on its peak %.0f rps)",
                        ctx.id(l), (ctx.now - at) / 1000, ctx.demand[l], peak));
                ctx.demand[l] = peak;
                ctx.demandReadAt[l] = 0;
                ctx.trend.forget(l);
            }
        }
        if (!stale.isEmpty()) {
            ctx.alert(AlertKind.DEMAND_STALE, -1, DecisionKind.DEMAND_FALLBACK, "measured demand older than "
                    + maxAge / 1000 + "s, falling back to configured peak demand: " + String.join(", ", stale));
        }
    }
}
