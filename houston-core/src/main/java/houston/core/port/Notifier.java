package houston.core.port;

import houston.core.engine.Action.Alert;
import houston.core.engine.Action.Notify;

/**
 * Tells humans (Slack, or the console when no token is configured). Must return at once: a
 * notifier queues in a bounded outbox and delivers in the background, counting what it cannot
 * deliver rather than blocking the control loop.
 */
public interface Notifier {

    /** A decision with its evidence, threaded by its incident. */
    void notify(Notify notification);

    /** A safety event that mentions the on-call group. */
    void alert(Alert alert);
}
