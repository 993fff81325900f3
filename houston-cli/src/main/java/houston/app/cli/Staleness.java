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
     * The warning to print, or null when the data is current or its time unknown (a daemon that
     * has not ticked yet says "at": null, and that is shown as is).
     */
    static String warning(Object at, Instant now, Duration tick) {
        if (!(at instanceof String text)) {
            return null;
        }
        Instant ticked;
        try {
            ticked = Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
        Duration limit = tick == null || tick.multipliedBy(3).compareTo(AFTER) < 0 ? AFTER : tick.multipliedBy(3);
        Duration age = Duration.between(ticked, now);
        if (age.compareTo(limit) <= 0) {
            return null;
        }
        return "STALE: the daemon's last tick was at " + ticked + " (" + age.toSeconds() + "s ago): it may be hung; its "
                + "answers are not current";
    }
}
