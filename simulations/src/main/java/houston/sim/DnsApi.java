package houston.sim;

import java.time.Duration;

/**
 * How the daemon's DNS adapter calls the provider (the {@code houston.dns} keys of the same name):
 * each call is tried up to {@code maxAttempts} times when throttled or failing, waiting
 * {@code initialBackoff} doubling to {@code maxBackoff} (±50% jitter) in between; a submitted
 * change is polled every {@code pollInterval} until INSYNC, for at most {@code insyncTimeout}.
 */
public record DnsApi(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration pollInterval,
                     Duration insyncTimeout) {

    /** The values config/houston.conf ships. */
    public static DnsApi defaults() {
        return new DnsApi(5, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(120));
    }
}
