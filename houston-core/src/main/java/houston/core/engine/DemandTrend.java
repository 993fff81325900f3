package houston.core.engine;

/**
 * How fast each catchment's measured demand rises, learnt from its readings ({@link RisingDemand}).
 * Part of {@link EngineState}; the arrays are never written after the step that made them.
 *
 * @param slope  per catchment, requests/s gained per millisecond between its last two readings (may be negative)
 * @param rising per catchment, requests/s per millisecond it is taken to keep rising by: the smaller of its last
 *               two slopes when both rose faster than a reading's noise, else 0
 */
public record DemandTrend(double[] slope, double[] rising) {

    /** Nothing known: every catchment steady until two readings say otherwise. */
    public static DemandTrend none(int catchments) {
        return new DemandTrend(new double[catchments], new double[catchments]);
    }

    /** A copy a step may write. */
    DemandTrend copy() {
        return new DemandTrend(slope.clone(), rising.clone());
    }

    /** Catchment {@code c} is steady again as far as anyone knows (its reading went stale). */
    void forget(int c) {
        slope[c] = 0;
        rising[c] = 0;
    }
}
