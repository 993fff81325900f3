package houston.dns.zone;

/** A zone refused or failed a call; {@link #retryable()} says whether trying again can help. */
public final class ZoneException extends RuntimeException {

    public enum Kind {
        /** Throttling, PriorRequestNotComplete: wait and retry. */
        THROTTLED,
        /** 5xx or the network: retry. */
        SERVER_ERROR,
        /** The batch breaks the zone's rules (exists, value mismatch, limits): never retried blindly. */
        INVALID_CHANGE_BATCH,
        /** Anything else (access denied, no such zone): not retried. */
        OTHER
    }

    private final Kind kind;

    public ZoneException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ZoneException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.THROTTLED || kind == Kind.SERVER_ERROR;
    }
}
