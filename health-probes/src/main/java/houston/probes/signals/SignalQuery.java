package houston.probes.signals;

import houston.core.health.SignalStatus;

import java.util.Objects;

/**
 * One Prometheus expression that says how a service in a location feels, with the thresholds
 * that turn its value into a status. With {@code higherIsWorse} (error rates, latencies) a value
 * at or above {@code failing} is FAILING and at or above {@code degraded} DEGRADED; otherwise
 * (availability, free connections) the comparisons are at or below.
 */
public record SignalQuery(String location, String service, String expr, double degraded, double failing,
                          boolean higherIsWorse) {

    public SignalQuery {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(expr, "expr");
        if (higherIsWorse ? failing < degraded : failing > degraded) {
            throw new IllegalArgumentException("signal " + service + "@" + location + ": failing threshold " + failing
                    + " is on the healthy side of degraded " + degraded);
        }
    }

    public SignalStatus statusOf(double value) {
        if (higherIsWorse ? value >= failing : value <= failing) {
            return SignalStatus.FAILING;
        }
        if (higherIsWorse ? value >= degraded : value <= degraded) {
            return SignalStatus.DEGRADED;
        }
        return SignalStatus.HEALTHY;
    }
}
