package houston.core.port;

import houston.core.engine.Action;
import houston.core.engine.Inputs;

import java.time.Instant;
import java.util.List;

/**
 * The durable record of every tick's inputs and the actions decided from them. Because the
 * engine is deterministic, replaying the inputs in order rebuilds the engine state exactly.
 */
public interface Journal extends AutoCloseable {

    /** One tick: when it ran, what came in, what was decided. */
    record Entry(long tick, Instant at, Inputs inputs, List<Action> actions) {

        public Entry {
            actions = List.copyOf(actions);
        }
    }

    /** Appends and makes durable before returning (the loop appends before executing actions). */
    void append(Entry entry);

    /** Every entry, oldest first. */
    List<Entry> readAll();

    @Override
    void close();
}
