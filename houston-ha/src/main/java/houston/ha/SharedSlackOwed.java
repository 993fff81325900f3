package houston.ha;

import java.util.List;
import java.util.Map;

/**
 * Slack messages a replica owed from before its restart, handed to whoever leads: only the leader
 * posts them, into the incident threads the shared state knows, so two replicas never both speak for
 * one incident. A message stays here until the leader's own outbox has recorded it.
 */
public interface SharedSlackOwed {

    /** A handed-over message: its name (unique per replica and message) and the message's fields. */
    record Owed(String name, Map<String, Object> message) {
    }

    /** Hands {@code message} over under {@code name}; a name handed over before and still owed is kept as it is. */
    void owe(String name, Map<String, Object> message) throws Exception;

    /** The messages handed over and not yet taken, oldest first. */
    List<Owed> owedPosts() throws Exception;

    /** The leader's outbox has recorded the message named {@code name}: it is no longer owed here. */
    void taken(String name) throws Exception;
}
