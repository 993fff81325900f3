package houston.core.props;

import houston.core.config.EngineConfig;
import houston.core.engine.Action;
import houston.core.engine.Decision;
import houston.core.engine.DecisionEngine;
import houston.core.engine.DecisionKind;
import houston.core.engine.EngineState;
import houston.core.engine.Inputs;
import houston.core.engine.LocationTrack;
import houston.core.engine.OperatorCommand;
import houston.core.engine.Step;
import houston.core.health.HealthReport;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What must hold after every engine step, whatever happened before it. Each check throws an
 * AssertionError naming the invariant, the tick and the numbers, so a shrunk counterexample
 * reads as a sentence. Only public engine state is read.
 */
public final class EngineInvariants {

    /** How far a plan row may be from exact. */
    public static final double ROW_TOLERANCE = 1e-9;

    private final Topology topology;
    private final EngineConfig config;
    private final ReceiverInvariants receivers;

    private final Set<Invariant> checked;
    /** The generation published in the previous step and in the one before it, if any (a flip needs both). */
    private TrafficPlan lastTick;
    private TrafficPlan twoTicksAgo;
    /** An operator's commands may flip a plan back (restore, then pin evacuated): no flap of the engine's own. */
    private boolean commandedLastTick;

    /** Checks {@code checked} (the others are left to other properties). */
    public EngineInvariants(DecisionEngine engine, Set<Invariant> checked) {
        this.topology = engine.topology();
        this.config = engine.config();
        this.receivers = new ReceiverInvariants(engine);
        this.checked = Set.copyOf(checked);
    }

    public boolean checks(Invariant invariant) {
        return checked.contains(invariant);
    }

    public void afterStep(int tick, EngineState before, Inputs inputs, Instant now, Step step) {
        EngineState next = step.next();
        if (checks(Invariant.PLAN_ROWS_EXACT)) {
            rowsAreExact(tick, "the engine's plan", next.plan());
            for (Action.PublishPlan p : step.actionsOf(Action.PublishPlan.class)) {
                rowsAreExact(tick, "published plan", p.plan());
            }
        }
        if (checks(Invariant.RECEIVERS_WITHIN_MAXIMUM)) {
            receivers.noneBeyondMaximum(tick, before, next);
        }
        if (checks(Invariant.RECEIVERS_WITHIN_READY_CAPACITY)) {
            receivers.noneBeyondReadyCapacity(tick, before, next);
        }
        if (checks(Invariant.NO_CATCHMENT_ON_BAD_RECEIVER)) {
            receivers.noneBadWhileAGoodOneHasRoom(tick, before, next, now);
        }
        if (checks(Invariant.SCALE_DOWN_KEEPS_OWN_DEMAND)) {
            receivers.scaleDownsKeepOwnDemand(tick, step);
        }
        if (checks(Invariant.MIN_SERVING)) {
            minServingHolds(tick, next);
        }
        if (checks(Invariant.FAIL_STATIC_RELEASED_ON_FRESH_EVIDENCE)) {
            failStaticReleasedOnFreshEvidenceOnly(tick, before, next);
        }
        if (checks(Invariant.COMMANDS_APPLIED_OR_ANSWERED)) {
            commandsAppliedOrAnswered(tick, inputs, now, step);
        }
        if (checks(Invariant.INCIDENTS_CLOSED_OR_LIVE)) {
            incidentsClosedOrLive(tick, before, step);
        }
        if (checks(Invariant.NO_REPUBLISH_OF_EQUAL_ROWS)) {
            newGenerationsChangeRows(tick, before, inputs, step);
        }
        if (checks(Invariant.SHIFTS_MOVE_TRAFFIC)) {
            shiftsMoveTraffic(tick, before, step);
        }
    }

    /**
     * A new plan generation changes some share by more than dust: one with the rows of the plan
     * before it is a Route 53 change batch (and a confirmation to wait for) that moves nobody. Nor,
     * without an operator command in it or the tick before, does it go back to the rows published two ticks ago: users
     * flipping between two plans every second are republished, not moved. Publishing the same
     * generation again (a retry) is not a new one.
     */
    private void newGenerationsChangeRows(int tick, EngineState before, Inputs inputs, Step step) {
        TrafficPlan published = null;
        for (Action.PublishPlan p : step.actionsOf(Action.PublishPlan.class)) {
            if (p.plan().generation() > before.plan().generation()) {
                check(largestChange(before.plan(), p.plan(), -1) > TrafficPlan.DUST, tick,
                        Invariant.NO_REPUBLISH_OF_EQUAL_ROWS, "generation " + p.plan().generation()
                                + " has the rows of generation " + before.plan().generation() + " (" + p.reason() + ")");
                if (twoTicksAgo != null && inputs.commands().isEmpty() && !commandedLastTick) {
                    check(largestChange(twoTicksAgo, p.plan(), -1) > TrafficPlan.DUST, tick,
                            Invariant.NO_REPUBLISH_OF_EQUAL_ROWS, "generation " + p.plan().generation()
                                    + " goes back to the rows of generation " + twoTicksAgo.generation()
                                    + ", published two ticks before (" + p.reason() + ")");
                }
                published = p.plan();
            }
        }
        // Only generations on consecutive ticks count: a plan that stood a while may come back.
        twoTicksAgo = published != null ? lastTick : null;
        lastTick = published;
        commandedLastTick = !inputs.commands().isEmpty();
    }

    /**
     * A TRAFFIC_SHIFTING decision changes some location's share by more than dust: a shift that moves
     * nobody is no decision, and posting it every tick floods the incident thread.
     */
    private void shiftsMoveTraffic(int tick, EngineState before, Step step) {
        for (Decision d : decisions(step)) {
            if (d.kind() == DecisionKind.TRAFFIC_SHIFTING) {
                check(largestChange(before.plan(), step.next().plan(), -1) > TrafficPlan.DUST, tick,
                        Invariant.SHIFTS_MOVE_TRAFFIC, "\"" + d.summary() + "\" left the plan as it was");
            }
        }
    }

    /** The largest change of one fraction between the plans, in row {@code only} (negative: any row). */
    private static double largestChange(TrafficPlan a, TrafficPlan b, int only) {
        double largest = 0;
        for (int c = 0; c < a.size(); c++) {
            for (int s = 0; s < a.size() && (only < 0 || c == only); s++) {
                largest = Math.max(largest, Math.abs(a.fraction(c, s) - b.fraction(c, s)));
            }
        }
        return largest;
    }

    /** Every row non-negative, summing to 1 within {@link #ROW_TOLERANCE}. */
    static void rowsAreExact(int tick, String what, TrafficPlan plan) {
        for (int c = 0; c < plan.size(); c++) {
            double sum = 0;
            for (int s = 0; s < plan.size(); s++) {
                double f = plan.fraction(c, s);
                check(f >= 0 && f <= 1 + ROW_TOLERANCE, tick, Invariant.PLAN_ROWS_EXACT, what + " generation "
                        + plan.generation() + " row " + plan.ids().get(c) + " has " + f + " on " + plan.ids().get(s));
                sum += f;
            }
            check(Math.abs(sum - 1) <= ROW_TOLERANCE, tick, Invariant.PLAN_ROWS_EXACT, what + " generation "
                    + plan.generation() + " row " + plan.ids().get(c) + " sums to " + sum);
        }
    }

    /** Fewer than {@code min-serving} locations serving their own catchment never happens. */
    private void minServingHolds(int tick, EngineState next) {
        int serving = 0;
        for (LocationTrack t : next.tracks()) {
            serving += t.state().isEvacuation() ? 0 : 1;
        }
        int floor = Math.min(config.safety().minServing(), topology.size());
        check(serving >= floor, tick, Invariant.MIN_SERVING, serving + " locations serve their catchment (min-serving "
                + config.safety().minServing() + ")");
    }

    /**
     * Fail-static is released only on fresh evidence: enough locations scored, and not bad on
     * evidence the vantages fail to corroborate, that those are below the threshold whatever the
     * unknown ones are.
     */
    private void failStaticReleasedOnFreshEvidenceOnly(int tick, EngineState before, EngineState next) {
        if (!before.failStatic() || next.failStatic()) {
            return;
        }
        HealthReport report = next.report();
        int unknown = 0;
        for (int l = 0; l < topology.size(); l++) {
            unknown += Double.isNaN(report.score(l)) ? 1 : 0;
        }
        int suspicious = report.uncorroboratedBad(config.health().quorum());
        int threshold = config.safety().failStaticCount(topology.size());
        check(suspicious + unknown < threshold, tick, Invariant.FAIL_STATIC_RELEASED_ON_FRESH_EVIDENCE,
                "released with " + suspicious + " uncorroborated bad and " + unknown + " unscored of "
                        + topology.size() + " locations (threshold " + threshold + ")");
    }

    /**
     * Every command is answered in the same step (applied or rejected, with a reason); an accepted
     * evacuation or freeze is in force afterwards, or its hold is told.
     */
    private void commandsAppliedOrAnswered(int tick, Inputs inputs, Instant now, Step step) {
        Map<String, Integer> expected = new HashMap<>();
        for (OperatorCommand c : inputs.commands()) {
            expected.merge(answerKey(c), 1, Integer::sum);
        }
        Map<String, Integer> answered = new HashMap<>();
        for (Decision d : decisions(step)) {
            if (d.kind() == DecisionKind.OVERRIDE_APPLIED || d.kind() == DecisionKind.COMMAND_REJECTED) {
                answered.merge(d.location(), 1, Integer::sum);
            }
        }
        expected.forEach((key, count) -> check(answered.getOrDefault(key, 0) >= count, tick,
                Invariant.COMMANDS_APPLIED_OR_ANSWERED, count + " command(s) about " + key + " got "
                        + answered.getOrDefault(key, 0) + " answer(s): " + inputs.commands()));
        EngineState next = step.next();
        for (int i = 0; i < inputs.commands().size(); i++) {
            OperatorCommand c = inputs.commands().get(i);
            if (!lastAbout(inputs.commands(), i)) {
                continue;
            }
            if (c instanceof OperatorCommand.Evacuate e && topology.contains(e.location())) {
                LocationTrack t = next.track(topology.indexOf(e.location()));
                check(t.state().isEvacuation() || !t.heldReasons().isEmpty(), tick, Invariant.COMMANDS_APPLIED_OR_ANSWERED,
                        "evacuate " + e.location() + " accepted but it is " + t.state() + " with no hold told");
            } else if (c instanceof OperatorCommand.Freeze) {
                check(next.overrides().frozen(now.toEpochMilli()), tick,
                        Invariant.COMMANDS_APPLIED_OR_ANSWERED, "freeze accepted but automation is not frozen");
            }
        }
    }

    /** True when no later command in the list is about the same location (or, for global ones, global). */
    private boolean lastAbout(List<OperatorCommand> commands, int i) {
        String key = answerKey(commands.get(i));
        for (int j = i + 1; j < commands.size(); j++) {
            if (answerKey(commands.get(j)).equals(key)) {
                return false;
            }
        }
        return true;
    }

    private String answerKey(OperatorCommand c) {
        String location = c instanceof OperatorCommand.Evacuate e ? e.location()
                : c instanceof OperatorCommand.Pin p ? p.location()
                : c instanceof OperatorCommand.Unpin u ? u.location()
                : c instanceof OperatorCommand.Restore r ? r.location() : null;
        return location != null && topology.contains(location) ? location : Decision.GLOBAL;
    }

    /**
     * An incident stays open only while its location is not plainly healthy (or an operator pin
     * holds it); it is never swapped for another without closing, and closing it is told in its thread.
     */
    private void incidentsClosedOrLive(int tick, EngineState before, Step step) {
        EngineState next = step.next();
        for (int l = 0; l < topology.size(); l++) {
            String was = before.track(l).incident();
            LocationTrack t = next.track(l);
            String id = topology.location(l).id();
            boolean live = t.state() != houston.core.model.LocationState.HEALTHY || next.overrides().pin(id) != null;
            check(t.incident() == null || live, tick, Invariant.INCIDENTS_CLOSED_OR_LIVE,
                    id + " is HEALTHY with incident " + t.incident() + " still open");
            check(was == null || t.incident() == null || was.equals(t.incident()), tick,
                    Invariant.INCIDENTS_CLOSED_OR_LIVE,
                    id + " incident " + was + " replaced by " + t.incident() + " without being closed");
            if (was != null && t.incident() == null) {
                boolean told = decisions(step).stream().anyMatch(d -> was.equals(d.incident()));
                check(told, tick, Invariant.INCIDENTS_CLOSED_OR_LIVE,
                        id + " incident " + was + " closed without a word in it");
            }
        }
    }

    /** Replaying the journal's inputs on a fresh engine gives the very same actions, step by step. */
    public void replaysIdentically(List<HistoryRunner.Entry> journal) {
        if (!checks(Invariant.REPLAY_GIVES_SAME_ACTIONS)) {
            return;
        }
        DecisionEngine fresh = new DecisionEngine(config, topology);
        EngineState state = fresh.initialState(HistoryRunner.START);
        for (int i = 0; i < journal.size(); i++) {
            HistoryRunner.Entry entry = journal.get(i);
            Step step = fresh.step(entry.from(state), entry.inputs(), entry.at());
            check(Objects.equals(step.actions(), entry.actions()), i, Invariant.REPLAY_GIVES_SAME_ACTIONS,
                    "replayed " + step.actions() + " but the run took " + entry.actions());
            state = step.next();
        }
    }

    static List<Decision> decisions(Step step) {
        List<Decision> out = new ArrayList<>();
        for (Action a : step.actions()) {
            if (a instanceof Action.Notify n) {
                out.add(n.decision());
            } else if (a instanceof Action.Alert al) {
                out.add(al.decision());
            }
        }
        return out;
    }

    static void check(boolean holds, int tick, Invariant invariant, String detail) {
        if (!holds) {
            throw new AssertionError("invariant '" + invariant + "' broken at tick " + tick + ": " + detail);
        }
    }

}
