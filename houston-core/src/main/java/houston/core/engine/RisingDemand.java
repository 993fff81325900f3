package houston.core.engine;

/**
 * What each location will serve by the time a move decided now is felt, while demand rises. A move
 * off a location takes a publish confirmed and resolvers following a 30 s TTL, about a minute, and a
 * crowd does not wait: a catchment doubling over two minutes grows by half in that minute. Relieved
 * only down to its ceiling as it stood, a receiver carrying it was past its ready instances again
 * before the last move was felt, and relieved again each time its load passed the line, a tenth at a
 * time: with the scaler failing, European receivers whose own catchments doubled while they carried
 * a dead eu-central-1 ran past their ready instances for 373 s in all.
 *
 * <p>So a catchment's rise is learnt from its readings: the slope between its last two, and it is
 * taken to keep rising (by the smaller of its last two slopes) only when both rose faster than a
 * reading's noise ({@link #NOISE_PER_S}). A single jump, flat before it, is a step, not a ramp: it
 * is carried as it is, not extrapolated. The rise is carried along the plan's rows over the move's
 * lead ({@link #LEAD_MS}), plus the reading's own lag behind the crowd
 * ({@code houston.demand.reading-lag}) and age (at most another lag), and at most the catchment's
 * demand again ({@link #MAX_AHEAD}). A catchment falling or steady adds nothing: users leave for a rising load, and come back only by the rules that bring them back.
 * Readings apart by more than the demand max-age are no trend.
 */
final class RisingDemand {

    /** How long a move takes to be felt: a publish confirmed and resolvers following a 30 s TTL twice. */
    static final long LEAD_MS = 60_000;
    /** A reading's age counts up to the lag, and at least this (one 15 s query interval) with no lag. */
    static final long MIN_AGE_MS = 15_000;
    /**
     * A rise slower than this fraction of the catchment per second is no trend: a rate read every 15 s
     * moves by a few percent either way on its own (5% in 15 s is 0.33%/s). A crowd doubling over two
     * minutes rises 0.8%/s.
     */
    static final double NOISE_PER_S = 0.005;
    /** At most this much more than the catchment's demand now is anticipated: doubling within the lead. */
    static final double MAX_AHEAD = 1.0;

    private RisingDemand() {
    }

    /**
     * Learns from catchment {@code c}'s new reading ({@code rps} measured at {@code at}), before it
     * replaces the one the step holds.
     */
    static void read(StepContext ctx, int c, double rps, long at) {
        double before = ctx.demand[c];
        long was = ctx.demandReadAt[c];
        if (at <= was) {
            return;
        }
        if (was <= 0 || before <= 0 || at - was > ctx.config.demand().maxAge().toMillis()) {
            ctx.trend.forget(c);
            return;
        }
        double slope = (rps - before) / (at - was);
        double noise = NOISE_PER_S * before / 1000;
        double previous = ctx.trend.slope()[c];
        ctx.trend.rising()[c] = slope >= noise && previous >= noise ? Math.min(slope, previous) : 0;
        ctx.trend.slope()[c] = slope;
    }

    /** "1400 rps", or "1400 rps (1900 once its rising demand is felt)". */
    static String describe(double now, double ahead) {
        return ahead > now + 0.5 ? String.format(java.util.Locale.ROOT, "%.0f rps (%.0f once its rising demand is felt)",
                now, ahead) : String.format(java.util.Locale.ROOT, "%.0f rps", now);
    }

    /**
     * Requests/s catchment {@code c} will have gained over its last reading by the time a move decided now
     * is felt, if it keeps rising (0: it does not).
     */
    static double ahead(StepContext ctx, int c) {
        // A reading older than a lag adds no more: a reader that stopped answering is not a ramp that goes on.
        long lag = ctx.config.demand().readingLag().toMillis();
        long age = Math.min(Math.max(lag, MIN_AGE_MS), Math.max(0, ctx.now - ctx.demandReadAt[c]));
        long horizon = LEAD_MS + lag + age;
        return Math.min(ctx.trend.rising()[c] * horizon, MAX_AHEAD * ctx.demand[c]);
    }

    /** Requests/s each location serves under the plan, plus what the rising catchments add ({@link #ahead}). */
    static double[] loadsAhead(StepContext ctx) {
        double[] load = ReceiverPool.loads(ctx);
        for (int c = 0; c < load.length; c++) {
            double ahead = ahead(ctx, c);
            if (ahead <= 0) {
                continue;
            }
            double[] row = ctx.row(c);
            for (int s = 0; s < load.length; s++) {
                load[s] += ahead * row[s];
            }
        }
        return load;
    }
}
