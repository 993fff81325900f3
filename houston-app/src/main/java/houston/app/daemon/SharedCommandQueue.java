package houston.app.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import houston.core.engine.OperatorCommand;
import houston.ha.ZooKeeperSharedState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The leader's bookkeeping of the commands queued in ZooKeeper, so each is applied once and
 * leaves the queue only in the write that holds its effect. A queued command is handed to the
 * loop once ({@link #handOut}); when a tick has applied it ({@link #applied}) its id is consumed
 * by the next successful snapshot write ({@link #toConsume}, {@link #written}). Should this
 * replica die in between, the command is still queued and the next leader applies it.
 * Used on the replication writer thread only.
 */
final class SharedCommandQueue {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Handed to the loop, not yet applied by a tick: the command object (identity) → its queue id. */
    private final Map<OperatorCommand, String> handed = new IdentityHashMap<>();
    /** Queue ids handed out or applied, so a command is never handed to the loop twice. */
    private final Set<String> inFlight = new HashSet<>();
    /** Applied by a tick, their effect not yet in a written snapshot. */
    private final List<String> consume = new ArrayList<>();

    /** Hands every queued command not yet handed out to {@code apply}, oldest first. */
    void handOut(List<ZooKeeperSharedState.Queued> queued, Consumer<OperatorCommand> apply) {
        for (ZooKeeperSharedState.Queued q : queued) {
            if (inFlight.add(q.id())) {
                OperatorCommand c = JournalCodec.command((JsonNode) JSON.valueToTree(q.command()));
                handed.put(c, q.id());
                apply.accept(c);
            }
        }
    }

    /** The commands a tick applied: their ids are consumed by the next snapshot write. */
    void applied(List<OperatorCommand> commands) {
        for (OperatorCommand c : commands) {
            String id = handed.remove(c);
            if (id != null) {
                consume.add(id);
            }
        }
    }

    /** True while an applied command's effect is not yet written. */
    boolean unwritten() {
        return !consume.isEmpty();
    }

    List<String> toConsume() {
        return List.copyOf(consume);
    }

    /** The snapshot holding every applied command was written, and they left the queue with it. */
    void written() {
        inFlight.removeAll(consume);
        consume.clear();
    }

    /** Leadership changed: whatever is still queued is handed out again by whoever leads next. */
    void forget() {
        handed.clear();
        inFlight.clear();
        consume.clear();
    }
}
