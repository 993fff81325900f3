package houston.ha;

/**
 * Which replica acts. Every replica runs the same engine on the same evidence; only the one
 * holding leadership publishes DNS, scales and notifies. Implementations sit on a coordination
 * engine that issues the epoch (ZooKeeper through Curator today; a Kubernetes Lease would be
 * another), never on an election of their own.
 */
public interface Leadership extends AutoCloseable {

    /** What the replica does as its role changes; called from the coordination thread. */
    interface Role {

        /**
         * Elected at {@code epoch}: claim the DNS fence and resume the shared state, then return.
         * The replica acts only after this returns, and only while still leader; throwing leaves it
         * not acting and the takeover is tried again.
         */
        void takeOver(long epoch) throws Exception;

        /** No longer leader, or no longer sure of it: the replica has already stopped acting. */
        void stepDown(String why);

        /**
         * Elected, but the takeover keeps failing (the DNS fence refused, DNS or ZooKeeper
         * unreachable): nobody acts. Once per failing streak; the takeover is still retried.
         */
        default void takeOverFailing(String why) {
        }

        /** The coordination engine cannot be reached for a session's length: nobody can act. Once per outage. */
        void coordinationLost(String why);
    }

    /** Joins the election; returns at once. */
    void start(Role role) throws Exception;

    /** True only while this replica holds leadership, its session is connected and its takeover is done. */
    boolean acting();

    /** The epoch this replica leads at, or 0 while it does not. */
    long epoch();

    /** This replica's id. */
    String replica();

    /** The coordination connection as last reported (CONNECTED, SUSPENDED, LOST, ...). */
    String connection();

    /** Leaves the election: another replica takes over at once. */
    @Override
    void close();
}
