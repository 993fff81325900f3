package houston.dns;

import houston.dns.zone.ZoneException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.util.function.Supplier;

/**
 * A switch's zone calls, each retried when the zone throttles or fails on its side (a retryable
 * {@link ZoneException}), with exponential backoff and jitter, up to {@link SwitchSettings#maxAttempts()};
 * every other refusal is thrown at once. One per switch, shared by its publishes and its other calls.
 */
final class ZoneRetry {

    private final Retry retry;

    ZoneRetry(SwitchSettings settings) {
        this.retry = Retry.of("dns", RetryConfig.<Object>custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.5,
                        settings.maxBackoff()))
                .retryOnException(e -> e instanceof ZoneException z && z.retryable())
                .build());
    }

    <T> T call(Supplier<T> zoneCall) {
        return Retry.decorateSupplier(retry, zoneCall).get();
    }
}
