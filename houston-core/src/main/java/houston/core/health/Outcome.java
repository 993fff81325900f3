package houston.core.health;

/** What one probe saw, as a visitor of a hosted site would have seen it. */
public enum Outcome {
    /** Accepted status, marker present, within the latency objective. */
    OK,
    /** Correct answer, slower than the latency objective. */
    SLOW,
    /** Answered with a status outside the accepted set. */
    HTTP_ERROR,
    /** No complete answer within the request timeout. */
    TIMEOUT,
    /** TCP connect refused, reset or timed out. */
    CONNECT_ERROR,
    /** TLS handshake failed: wrong name, expired or untrusted certificate, protocol error. */
    TLS_ERROR,
    /** Answered, but not with the page the canary site serves (marker or header missing). */
    CONTENT_MISMATCH;

    /** How much this outcome counts against a location: 0 fine, 1 failure; SLOW as configured. */
    public double badness(double slowBadness) {
        return switch (this) {
            case OK -> 0.0;
            case SLOW -> slowBadness;
            default -> 1.0;
        };
    }
}
