package houston.app.daemon;

import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.model.TrafficPlan;
import houston.dns.records.Weights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Where a (re)starting daemon begins. The journal since the last start is replayed through the
 * engine — deterministic, so this rebuilds tracks, hold timers, pins, freezes and the plan
 * exactly — and then checked against the plan live in DNS, the truth: if they agree, the replayed
 * state is kept; if not (someone changed DNS while Houston was down, or the journal was lost),
 * Houston starts from the live plan and says so. They are compared at the resolution DNS holds
 * (weights 0..255), not as the engine's exact fractions. No journal: the live plan alone.
 * Cost: one engine step per journaled tick since the last start.
 */
final class JournalRestore {

    private static final Logger log = LoggerFactory.getLogger(JournalRestore.class);

    private JournalRestore() {
    }

    /**
     * The state to start from, whether it came from replaying the journal (then no new checkpoint is
     * needed), and the time of the last operator command replayed into it (null: none).
     */
    record Start(EngineState state, boolean replayed, Instant lastCommand) {

        Start(EngineState state) {
            this(state, false, null);
        }
    }

    static Start restore(DecisionEngine engine, JsonlJournal journal, TrafficPlan live, Instant now) {
        EngineState fromDns = live == null || live.generation() == 0 ? engine.initialState(now)
                : engine.initialState(now, live, live.generation());
        EngineState state;
        int ticks;
        Instant lastCommand;
        JsonlJournal.Checkpoint checkpoint = journal.lastCheckpoint();
        if (checkpoint == null) {
            if (journal.hasRecords()) {
                log.warn("the journal has ticks but no start checkpoint (rotated away?): starting from DNS");
            }
            return new Start(fromDns);
        }
        TrafficPlan start = TrafficPlan.of(engine.topology().ids(), checkpoint.rows(), checkpoint.generation());
        EngineState[] replayed = {start.generation() == 0 ? engine.initialState(checkpoint.at())
                : engine.initialState(checkpoint.at(), start, checkpoint.liveGeneration())};
        int[] count = {0};
        Instant[] commanded = {null};
        // One tick in memory at a time, whatever the journal's size.
        journal.replaySinceLastCheckpoint(r -> {
            replayed[0] = engine.step(replayed[0], r.inputs(), r.at()).next();
            count[0]++;
            if (!r.inputs().commands().isEmpty()) {
                commanded[0] = r.at();
            }
        });
        state = replayed[0];
        ticks = count[0];
        lastCommand = commanded[0];
        boolean agrees = live == null ? state.plan().generation() == 0
                : Weights.asHeld(state.plan()).sameRowsAs(Weights.asHeld(live))
                && state.liveGeneration() >= live.generation();
        if (agrees) {
            log.info("restored from the journal: {} ticks replayed, plan generation {} matches DNS", ticks,
                    state.plan().generation());
            return new Start(state, true, lastCommand);
        }
        log.warn("the journal (plan generation {}) disagrees with live DNS (generation {}): starting from DNS; "
                + "operator overrides from before the restart are not restored", state.plan().generation(),
                live == null ? 0 : live.generation());
        return new Start(fromDns);
    }
}
