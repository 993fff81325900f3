package houston.app.daemon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import houston.core.engine.OperatorCommand;
import houston.ha.ZooKeeperSharedState;

import java.time.Duration;
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
    /** The journal's key for a command's duration, and the queue's for when its override ends (epoch ms). */
    private static final String SECONDS = "seconds";
    private static final String UNTIL = "until";

    /** Handed to the loop, not yet applied by a tick: the command object (identity) → its queue id. */
    private final Map<OperatorCommand, String> handed = new IdentityHashMap<>();
    /** Queue ids handed out or applied, so a command is never handed to the loop twice. */
    private final Set<String> inFlight = new HashSet<>();
    /** Applied by a tick, their effect not yet in a written snapshot. */
    private final List<String> consume = new ArrayList<>();

    /**
     * A command as queued: with the time its override ends (evacuate, pin, freeze), counted from when a
     * replica accepted it, so it ends when the operator was told whichever leader applies it and when.
     */
    static Map<String, Object> stamped(OperatorCommand c, long acceptedMillis, Duration defaultOverride) {
        ObjectNode n = CommandJson.encode(c);
        if (c instanceof OperatorCommand.Evacuate || c instanceof OperatorCommand.Freeze || c instanceof OperatorCommand.Pin) {
            long seconds = n.has(SECONDS) ? n.get(SECONDS).asLong() : defaultOverride.toSeconds();
            n.put(UNTIL, acceptedMillis + seconds * 1000);
        }
        return JSON.convertValue(n, new TypeReference<Map<String, Object>>() { });
    }

    /**
     * Hands every queued command not yet handed out to {@code apply}, oldest first, its override
     * lasting what is left of it at {@code nowMillis}: a command queued while no replica led, or
     * applied again after a leader died before writing it, does not start its time over.
     */
    void handOut(List<ZooKeeperSharedState.Queued> queued, Consumer<OperatorCommand> apply, long nowMillis) {
        for (ZooKeeperSharedState.Queued q : queued) {
            if (inFlight.add(q.id())) {
                ObjectNode n = JSON.valueToTree(q.command());
                if (n.has(UNTIL)) {
                    // At least a second (zero means the default): one that ran out while queued applies and expires at once, said so.
                    n.put(SECONDS, Math.max(1, (n.get(UNTIL).asLong() - nowMillis + 999) / 1000));
                }
                OperatorCommand c = CommandJson.decode(n);
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
