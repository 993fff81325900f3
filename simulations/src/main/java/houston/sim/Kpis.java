package houston.sim;

/**
 * What one policy's run cost and did. Times are seconds, NaN when it never happened (never
 * detected, never moved, never failed back).
 *
 * @param failedRequests        user requests that failed (fault or overload)
 * @param totalRequests         user requests sent
 * @param errorMinutes          catchment-minutes in which more than 1% of a catchment's requests failed
 * @param timeToDetect          worst, over the fault episodes (a location's faults that overlap or follow each other
 *                              without a gap, {@link FaultEpisode}), of the episode's start → the first decision to
 *                              move its traffic (an evacuation for errors or slowness, an aborted fail-back)
 * @param timeToMove90          worst of episode start → 90% of the location's own catchment served elsewhere
 * @param overloadSeconds       location-seconds of a receiver (a location without a fault of its own carrying more
 *                              than 1% of its load from other catchments) past 100% of its capacity
 * @param shifts                plan changes that went live in DNS
 * @param falseEvacuations      evacuations of a location with no fault of its own at that moment
 * @param timeToFailBack        worst of episode end → the location serving 90% of what its pool answers it at
 *                              home again (less than its whole catchment under data-plane floors)
 * @param alerts                safety alerts told (fail static, held evacuations, ...), counted as the daemon
 *                              tells them: a publish failing on every retry once, then every 15 min ({@link houston.core.engine.AlertStreaks})
 * @param addedLatencyMs        time added per request, averaged over every request of the run: the round trip
 *                              away from home ({@link LatencyModel}) plus a latency fault's milliseconds at the
 *                              location that serves it
 * @param farMinutes            user-minutes served more than the drill's far-km from home, a whole catchment
 *                              for one minute counting one (half of it, a half)
 */
public record Kpis(double failedRequests, double totalRequests, double errorMinutes, double timeToDetect,
                   double timeToMove90, double overloadSeconds, int shifts, int falseEvacuations,
                   double timeToFailBack, int alerts, double addedLatencyMs, double farMinutes) {

    /** Fraction of requests that failed. */
    public double failedFraction() {
        return totalRequests == 0 ? 0 : failedRequests / totalRequests;
    }
}
