package houston.slack.notify;

import java.util.List;

/**
 * What the outbox still owes Slack, kept where a SIGKILL cannot take it: every message is recorded
 * as queued before the control loop moves on, marked while a post of it is in flight, and settled once
 * Slack accepted it (or it was given up, which is logged). After a restart the outbox posts what is
 * owed before anything new.
 */
public interface OutboxLedger {

    /** Keeps nothing: messages queued when the process dies are lost (tests, the lab). */
    OutboxLedger NONE = new OutboxLedger() {
        private long next;

        @Override
        public synchronized long queued(SlackMessage m) {
            return ++next;
        }

        @Override
        public void posting(long id) {
        }

        @Override
        public void refused(long id) {
        }

        @Override
        public void settled(long id) {
        }

        @Override
        public List<Owed> owed() {
            return List.of();
        }
    };

    /**
     * A message owed from before a restart.
     *
     * @param maybePosted a post of it was in flight when the process stopped: Slack may have it already
     */
    record Owed(long id, SlackMessage message, boolean maybePosted) {
    }

    /** Records a message as owed; returns its id. */
    long queued(SlackMessage m);

    /** A post of it is about to be sent: from now until {@link #refused} or {@link #settled}, Slack may have it. */
    void posting(long id);

    /** Slack answered that it did not take the post: the message is owed, and not posted. */
    void refused(long id);

    /** Posted (or given up and logged): nothing more is owed for it. */
    void settled(long id);

    /** What was owed when the process stopped, oldest first. */
    List<Owed> owed();
}
