package houston.ha;

/**
 * A takeover's fence claim was refused because the DNS fence already names a newer epoch: the
 * replica's epoch is stale. Thrown by {@link Leadership.Role#takeOver}, so the leadership issues
 * an epoch above {@link #liveEpoch()} instead of trying the stale one again.
 */
public final class StaleEpochException extends Exception {

    private final long liveEpoch;

    public StaleEpochException(long tried, long liveEpoch) {
        super("DNS fence not claimed: epoch " + tried + " is older than the live epoch " + liveEpoch);
        this.liveEpoch = liveEpoch;
    }

    public long liveEpoch() {
        return liveEpoch;
    }
}
