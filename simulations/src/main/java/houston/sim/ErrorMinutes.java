package houston.sim;

import java.util.Arrays;

/**
 * Error-minutes: catchment-minutes in which more than 1% of a catchment's requests failed. A
 * catchment's requests and failures are summed over each minute of the run (minutes from its start,
 * a tick falling in the minute of the instant it samples) and the minute is judged on those sums.
 * Judging each tick's state instead would count a flap failing every other second as half its
 * minutes, though every one of them fails half its requests; and a catchment sending nothing fails
 * nothing, whatever its location does. A minute the run covers only in part (its last) counts that
 * part.
 */
final class ErrorMinutes {

    private static final double THRESHOLD = 0.01;
    private static final long MINUTE_MS = 60_000;

    private final double[] requests;
    private final double[] failed;
    private long minute = -1;
    private double seconds;
    private double counted;

    ErrorMinutes(int catchments) {
        requests = new double[catchments];
        failed = new double[catchments];
    }

    /** A tick sampling the world at {@code ms} for the {@code dt} seconds before it: its minute's sums take what follows. */
    void tick(long ms, double dt) {
        long m = ms / MINUTE_MS;
        if (m != minute) {
            counted += judged();
            Arrays.fill(requests, 0);
            Arrays.fill(failed, 0);
            minute = m;
            seconds = 0;
        }
        seconds += dt;
    }

    /** {@code sent} requests of {@code catchment} in this tick, {@code failing} of them (a fraction) failing. */
    void add(int catchment, double sent, double failing) {
        requests[catchment] += sent;
        failed[catchment] += sent * failing;
    }

    double minutes() {
        return counted + judged();
    }

    /** The current minute's erring catchments, times the share of a minute the ticks in it cover. */
    private double judged() {
        int erring = 0;
        for (int c = 0; c < requests.length; c++) {
            if (requests[c] > 0 && failed[c] > THRESHOLD * requests[c]) {
                erring++;
            }
        }
        return erring * Math.min(1.0, seconds / 60);
    }
}
