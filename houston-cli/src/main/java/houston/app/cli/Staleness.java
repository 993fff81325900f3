package houston.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Whether a daemon's answers are current. A hung control loop (a stuck DNS call, a full GC spiral)
 * still serves /v1/status from its last tick; printed as is, it reads as the present. The daemon
 * ticks every {@code houston.tick} (1 s by default, at most 1 min): a tick older than 30 s, or
 * three ticks when the tick is longer, means the loop stopped, not that it is slow. The status
 * page greys out sooner (6 s) because it refreshes every 2 s; a terminal read is a single look.
 */
final class Staleness {

    static final Duration AFTER = Duration.ofSeconds(30);

    private Staleness() {
    }

    /**
     * The warning to print, or null when the data is current or the daemon has not ticked yet (it says
     * "at": null). {@code sent}: whether the answer has an "at" at all.
     */
    static String warning(boolean sent, Object at, Instant now, Duration tick) {
        if (sent && at == null) {
            return null;
        }
        Instant ticked = at instanceof String text ? parsed(text) : null;
        if (ticked == null) {
            // A daemon always says when it last ticked: without a readable time its answers cannot be vouched for.
            return "UNKNOWN: the answer gives no readable time of the daemon's last tick (at: "
                    + (sent ? ApiText.safe(String.valueOf(at)) : "missing") + "): whether it is current cannot be told";
        }
        Duration limit = tick == null || tick.multipliedBy(3).compareTo(AFTER) < 0 ? AFTER : tick.multipliedBy(3);
        Duration age = Duration.between(ticked, now);
        if (age.negated().compareTo(limit) > 0) {
            return "CLOCK: the daemon's last tick is stamped " + ticked + ", " + age.negated().toSeconds()
                    + "s ahead of this host's clock: one of the two clocks is wrong, so whether its answers are current "
                    + "cannot be told";
        }
        if (age.compareTo(limit) <= 0) {
            return null;
        }
        return "STALE: the daemon's last tick was at " + ticked + " (" + age.toSeconds() + "s ago): it may be hung; its "
                + "answers are not current";
    }

    private static Instant parsed(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
