package houston.core.health;

import java.time.Instant;
import java.util.Objects;

/** A service inside {@code location} reporting how it feels: the inside view of a location's health. */
public record ServiceSignal(String location, String service, SignalStatus status, String detail, Instant at) {

    public ServiceSignal {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail;
    }
}
