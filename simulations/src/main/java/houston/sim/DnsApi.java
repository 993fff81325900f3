package houston.sim;

import java.time.Duration;

/**
 * How the daemon's DNS adapter calls the provider (the {@code houston.dns} keys of the same name):
 * each call is tried up to {@code maxAttempts} times when throttled or failing, waiting
 * {@code initialBackoff} doubling to {@code maxBackoff} (±50% jitter) in between; a submitted
 * change is polled every {@code pollInterval} until INSYNC, for at most {@code insyncTimeout}.
 * With a data-plane fallback configured the daemon also reads the control plane every
 * {@code controlPlaneWatch} (zero: never), one attempt each.
 */
public record DnsApi(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration pollInterval,
                     Duration insyncTimeout, Duration controlPlaneWatch) {

    /** The values config/houston.conf ships. */
    public static DnsApi defaults() {
        return new DnsApi(5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(120), Duration.ofSeconds(5));
    }

    /** An adapter that calls as these settings say, without a control-plane watch. */
    public DnsApi(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration pollInterval,
                  Duration insyncTimeout) {
        this(maxAttempts, initialBackoff, maxBackoff, pollInterval, insyncTimeout, Duration.ZERO);
    }
}
