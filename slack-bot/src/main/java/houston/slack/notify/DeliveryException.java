package houston.slack.notify;

import java.time.Duration;

/** Slack did not take a message: rate-limited (wait as told), transient (back off), or permanent (give up). */
public final class DeliveryException extends Exception {

    public enum Kind { RATE_LIMITED, TRANSIENT, PERMANENT }

    private final Kind kind;
    private final Duration retryAfter;

    public DeliveryException(Kind kind, Duration retryAfter, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
