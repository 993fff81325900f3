package houston.app.daemon;

import houston.core.engine.Decision;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.OperatorCommand;
import houston.core.model.TrafficPlan;
import houston.dns.records.Weights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Where a (re)starting daemon begins. The journal since the last start is replayed through the
 * engine — deterministic, so this rebuilds tracks, hold timers, pins, freezes and the plan
 * exactly — and then checked against the plan live in DNS, the truth: if they agree, the replayed
 * state is kept; if not (someone changed DNS while Houston was down, or the journal was lost),
 * Houston starts from the live plan and says so. They are compared at the resolution DNS holds
 * (weights 0..255), not as the engine's exact fractions. While publishes fail the journal is ahead
 * of DNS: it agrees when the plan of its last confirmed generation is the one live, and the wanted
 * plan is simply published again. No journal: the live plan alone.
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
    record Start(EngineState state, boolean replayed, Instant lastCommand, List<OperatorCommand> carried,
                 List<Decision> decisions) {

        Start(EngineState state) {
            this(state, false, null, List.of(), List.of());
        }

        Start(EngineState state, boolean replayed, Instant lastCommand) {
            this(state, replayed, lastCommand, List.of(), List.of());
        }

        /** A start from the journal, with the latest decisions its replay recomputed (oldest first). */
        static Start replayed(Replayed r) {
            return new Start(r.state(), true, r.lastCommand(), List.of(), r.decisions());
        }

        /**
         * A start from DNS that keeps the operators' overrides of a journal it could not continue: the
         * commands that set them again ({@link CarriedOverrides}), to be given at the first tick.
         */
        static Start fromDnsCarrying(EngineState fromDns, List<OperatorCommand> carried) {
            if (!carried.isEmpty()) {
                log.warn("operator overrides journaled before the restart are kept: {}", carried);
            }
            return new Start(fromDns, false, null, carried, List.of());
        }
    }

    static Start restore(DecisionEngine engine, JsonlJournal journal, TrafficPlan live, Instant now) {
        return restore(engine, journal, live, now, false);
    }

    /**
     * @param replica true when this daemon is one of several replicas: its overrides and incidents
     *                come from the shared state when it leads, and a follower's journal never
     *                holds what DNS confirmed, so a disagreement is expected, not a loss
     */
    static Start restore(DecisionEngine engine, JsonlJournal journal, TrafficPlan live, Instant now, boolean replica) {
        EngineState fromDns = live == null || live.generation() == 0 ? engine.initialState(now)
                : engine.initialState(now, live, live.generation());
        Replayed replayed = replay(engine, journal, now);
        if (replayed == null) {
            return Start.fromDnsCarrying(fromDns, CarriedOverrides.of(journaledOverrides(engine, journal),
                    now.toEpochMilli()));
        }
        EngineState state = replayed.state();
        // The wanted plan agrees when DNS holds its rows at a generation the journal knows live, or at its own
        // generation: published, and the daemon stopped before the tick that would have journaled the
        // confirmation (the retry afterRestart asks for finds it live and sends nothing).
        boolean agrees = live == null ? state.plan().generation() == 0
                : Weights.asHeld(state.plan()).sameRowsAs(Weights.asHeld(live))
                && (state.liveGeneration() >= live.generation() || state.plan().generation() == live.generation())
                || replayed.confirmed() != null && state.liveGeneration() == live.generation()
                && Weights.asHeld(replayed.confirmed()).sameRowsAs(Weights.asHeld(live));
        if (agrees) {
            log.info("restored from the journal: {} ticks replayed, plan generation {} (live generation {}) matches DNS",
                    replayed.ticks(), state.plan().generation(), state.liveGeneration());
            return Start.replayed(replayed);
        }
        long liveGeneration = live == null ? 0 : live.generation();
        if (replica) {
            log.info("the journal (plan generation {}) is not what DNS holds (generation {}): starting from DNS; "
                    + "pins, freezes and incidents come from the shared state", state.plan().generation(),
                    liveGeneration);
        } else {
            log.warn("the journal (plan generation {}) disagrees with live DNS (generation {}): starting from DNS",
                    state.plan().generation(), liveGeneration);
            return Start.fromDnsCarrying(fromDns, CarriedOverrides.of(state.overrides(), now.toEpochMilli()));
        }
        return new Start(fromDns);
    }

    /**
     * A start while DNS cannot be read: the journal replayed and trusted unchecked (the check is
     * done once DNS answers); no journal: the initial plan, nothing moved (fail-static).
     */
    static Start restoreUnchecked(DecisionEngine engine, JsonlJournal journal, Instant now) {
        Replayed replayed = replay(engine, journal, now);
        if (replayed == null) {
            return new Start(engine.initialState(now));
        }
        log.warn("restored from the journal without checking it against DNS, which cannot be read: {} ticks "
                + "replayed, plan generation {} (live generation {})", replayed.ticks(),
                replayed.state().plan().generation(), replayed.state().liveGeneration());
        return Start.replayed(replayed);
    }

    /**
     * The replayed state, its tick count, the plan of its last confirmed generation (null if unknown)
     * and when its last operator command was taken (null: none).
     */
    private record Replayed(EngineState state, int ticks, TrafficPlan confirmed, Instant lastCommand,
                            List<Decision> decisions) {
    }

    /**
     * The overrides the ticks journaled since the last start checkpoint set, when that checkpoint cannot
     * be read: replayed from an initial state, since pins and freezes depend on the commands and their
     * times only, not on the plan the checkpoint held.
     */
    private static houston.core.engine.Overrides journaledOverrides(DecisionEngine engine, JsonlJournal journal) {
        EngineState[] state = {null};
        journal.replaySinceLastCheckpoint(r -> {
            EngineState from = state[0] == null ? engine.initialState(r.at()) : state[0];
            state[0] = engine.step(from, r.inputs(), r.at()).next();
        });
        return state[0] == null ? houston.core.engine.Overrides.NONE : state[0].overrides();
    }

    /** Null when there is nothing to replay from (no start checkpoint). */
    private static Replayed replay(DecisionEngine engine, JsonlJournal journal, Instant now) {
        JsonlJournal.Checkpoint checkpoint = journal.lastCheckpoint();
        if (checkpoint == null) {
            if (journal.hasRecords()) {
                log.warn("the journal has ticks but no start checkpoint (rotated away?): starting from DNS");
            }
            return null;
        }
        TrafficPlan start = TrafficPlan.of(engine.topology().ids(), checkpoint.rows(), checkpoint.generation());
        EngineState[] replayed = {start.generation() == 0 ? engine.initialState(checkpoint.at())
                : engine.initialState(checkpoint.at(), start, checkpoint.liveGeneration())};
        // The plans not yet confirmed live, by generation: while publishes fail the journal is ahead of
        // DNS, and what DNS must hold is the plan of the generation last confirmed, not the wanted one.
        NavigableMap<Long, TrafficPlan> plans = new TreeMap<>();
        plans.put(0L, TrafficPlan.identity(engine.topology().ids(), 0));
        plans.put(start.generation(), start);
        int[] count = {0};
        Instant[] commanded = {null};
        // One tick in memory at a time, whatever the journal's size.
        // The latest decisions, as the daemon keeps them for /v1/decisions: a restart mid-incident
        // otherwise served an empty list beside a location still evacuated.
        java.util.ArrayDeque<Decision> decisions = new java.util.ArrayDeque<>();
        journal.replaySinceLastCheckpoint(r -> {
            houston.core.engine.Step step = engine.step(replayed[0], r.inputs(), r.at());
            for (houston.core.engine.Action a : step.actions()) {
                Decision d = a instanceof houston.core.engine.Action.Notify n ? n.decision()
                        : a instanceof houston.core.engine.Action.Alert al ? al.decision() : null;
                if (d != null) {
                    decisions.addLast(d);
                    if (decisions.size() > RecentDecisions.KEPT) {
                        decisions.removeFirst();
                    }
                }
            }
            replayed[0] = step.next();
            if (!r.inputs().commands().isEmpty()) {
                commanded[0] = r.at();
            }
            plans.putIfAbsent(replayed[0].plan().generation(), replayed[0].plan());
            plans.headMap(replayed[0].liveGeneration(), false).clear();
            count[0]++;
        });
        return new Replayed(replayed[0].afterRestart(now.toEpochMilli()),
                count[0], plans.get(replayed[0].liveGeneration()), commanded[0], List.copyOf(decisions));
    }
}
