package houston.app.daemon;

import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.Step;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes a journal checkpoint whenever the engine is quiet (see {@link DecisionEngine#isQuiet}) and
 * the last checkpoint is older than {@link #EVERY}. A restart replays from the last checkpoint, so
 * replay time stays bounded by the time since Houston was last quiet, not by its uptime. During a
 * long incident nothing is checkpointed: the state then holds what a checkpoint cannot (tracks,
 * pins, the rate window), and the replay covers the incident.
 */
final class QuietCheckpoints {

    /** Often enough that a restart replays minutes, rarely enough to cost nothing. */
    static final Duration EVERY = Duration.ofMinutes(10);

    private final DecisionEngine engine;
    private final JsonlJournal journal;
    private final Clock clock;
    private Instant last;

    QuietCheckpoints(DecisionEngine engine, JsonlJournal journal, Clock clock, Instant started) {
        this.engine = engine;
        this.journal = journal;
        this.clock = clock;
        this.last = started;
    }

    /** Called on the loop thread after each tick, with the state that tick produced. */
    void afterTick(EngineState state) {
        Instant now = clock.instant();
        if (Duration.between(last, now).compareTo(EVERY) >= 0 && engine.isQuiet(state)) {
            journal.checkpoint(new JsonlJournal.Checkpoint(now, state.plan().toMap(), state.plan().generation(),
                    state.liveGeneration()));
            last = now;
        }
    }

    void afterTick(Step step, long nanos) {
        afterTick(step.next());
    }
}
