package houston.sim;

import java.time.Duration;

/**
 * A traffic spike: demand of {@code location}'s catchment ("" = every catchment) multiplied by
 * {@code factor} from {@code at} for {@code length}, ramping up and down over a tenth of it.
 */
public record Spike(String location, Duration at, Duration length, double factor) {

    /** The multiplier at {@code ms} since the start. */
    double factorAt(long ms) {
        long start = at.toMillis();
        long len = Math.max(1, length.toMillis());
        if (ms < start || ms >= start + len) {
            return 1.0;
        }
        double ramp = Math.max(1, len / 10.0);
        double edge = Math.min(1.0, Math.min(ms - start, start + len - ms) / ramp);
        return 1.0 + (factor - 1.0) * edge;
    }
}
