package houston.dns;

import java.time.Duration;

/**
 * How the switch talks to its zone.
 *
 * @param writerId       who this writer is, recorded in the ownership TXT record
 * @param insyncTimeout  how long to wait for a change to be in sync before reporting failure
 * @param pollInterval   how often to ask whether it is
 * @param maxAttempts    attempts per call when the zone throttles or fails (1 = no retry)
 * @param initialBackoff first wait before a retry; doubles each time, with ±50% jitter ...
 * @param maxBackoff     ... up to this
 */
public record SwitchSettings(String writerId, Duration insyncTimeout, Duration pollInterval, int maxAttempts,
                             Duration initialBackoff, Duration maxBackoff) {
}
