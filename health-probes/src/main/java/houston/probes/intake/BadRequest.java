package houston.probes.intake;

/** A request that cannot be accepted, with the HTTP status and a message the sender can act on. */
public final class BadRequest extends Exception {

    private final int status;

    public BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
