package houston.core.props;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.Inputs;
import houston.core.engine.Step;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.health.ServiceSignal;
import houston.core.model.Topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Plays a {@link History} against the engine as a world would: every vantage that is not silent
 * probes every location once per elapsed second (up to five), with the outcome the history last
 * set; a stale vantage reports results older than the window; symbolic outcomes are resolved
 * against the actions the engine actually took. After every step the {@link EngineInvariants}
 * are checked; the concrete inputs are kept as a journal to replay. Nothing sleeps.
 */
public final class HistoryRunner {

    public static final Instant START = Instant.parse("2026-11-22T03:00:00Z");
    static final String UNLISTED_VANTAGE = "vantage-unlisted";
    static final String UNKNOWN_LOCATION = "nowhere-1";

    /** One step as it happened: when, on what, and what the engine did; {@code restarted}: the daemon restarted before it. */
    public record Entry(Instant at, Inputs inputs, List<Action> actions, boolean restarted) {

        public Entry(Instant at, Inputs inputs, List<Action> actions) {
            this(at, inputs, actions, false);
        }

        /** The state a daemon steps from at this entry: {@code state}, restored if it restarted before it. */
        public EngineState from(EngineState state) {
            return restarted ? state.afterRestart(at.toEpochMilli()) : state;
        }
    }

    private final DecisionEngine engine;
    private final Topology topology;
    private final List<String> vantages;
    private final EngineInvariants invariants;
    private final Outcome[][] seen;
    private final boolean[] silent;
    private final boolean[] stale;
    private final List<Long> unansweredPublishes = new ArrayList<>();
    private final List<Action.PreScale> pendingScales = new ArrayList<>();
    private final List<Entry> journal = new ArrayList<>();
    private EngineState state;
    private Instant now = START;
    private boolean restarted;

    /** A runner that checks {@code checked} after every step. */
    public HistoryRunner(DecisionEngine engine, Set<Invariant> checked) {
        this.engine = engine;
        this.topology = engine.topology();
        this.vantages = engine.config().health().vantages();
        this.invariants = new EngineInvariants(engine, checked);
        this.seen = new Outcome[vantages.size()][topology.size()];
        for (Outcome[] row : seen) {
            Arrays.fill(row, Outcome.OK);
        }
        this.silent = new boolean[vantages.size()];
        this.stale = new boolean[vantages.size()];
        this.state = engine.initialState(now);
    }

    /**
     * Plays every tick, checking the invariants after each; throws AssertionError at the first
     * broken one. A step that throws ends the history (an error only if {@link Invariant#STEP_NEVER_THROWS}
     * is checked). Returns the journal of the steps taken.
     */
    public List<Entry> play(History history) {
        for (History.Tick tick : history.ticks()) {
            if (!tick(tick)) {
                break;
            }
        }
        invariants.replaysIdentically(journal);
        return List.copyOf(journal);
    }

    public EngineState state() {
        return state;
    }

    private boolean tick(History.Tick tick) {
        now = now.plusMillis(tick.advanceMillis());
        restarted = false;
        tick.changes().forEach(this::change);
        if (restarted) {
            state = state.afterRestart(now.toEpochMilli());
        }
        Inputs inputs = Inputs.builder().observations(observations(tick.advanceMillis())).signals(signals(tick))
                .outcomes(outcomes(tick)).commands(tick.commands()).demand(tick.demand()).capacity(tick.capacity())
                .build();
        EngineState before = state;
        Step step;
        try {
            step = engine.step(before, inputs, now);
        } catch (RuntimeException e) {
            if (invariants.checks(Invariant.STEP_NEVER_THROWS)) {
                throw new AssertionError("invariant '" + Invariant.STEP_NEVER_THROWS + "' broken at tick "
                        + journal.size() + ": " + e, e);
            }
            return false;
        }
        invariants.afterStep(journal.size(), before, inputs, now, step);
        state = step.next();
        journal.add(new Entry(now, inputs, step.actions(), restarted));
        for (Action a : step.actions()) {
            if (a instanceof Action.PublishPlan p) {
                unansweredPublishes.add(p.plan().generation());
            } else if (a instanceof Action.PreScale s) {
                pendingScales.add(s);
            }
        }
        return true;
    }

    private void change(History.WorldChange change) {
        if (change instanceof History.Probes p) {
            int location = Math.floorMod(p.location(), topology.size());
            for (int v = 0; v < vantages.size(); v++) {
                if (p.vantage() < 0 || Math.floorMod(p.vantage(), vantages.size()) == v) {
                    seen[v][location] = p.outcome();
                }
            }
        } else if (change instanceof History.Silent s) {
            silent[Math.floorMod(s.vantage(), vantages.size())] = s.silent();
        } else if (change instanceof History.Stale s) {
            stale[Math.floorMod(s.vantage(), vantages.size())] = s.stale();
        } else if (change instanceof History.Restart) {
            restarted = true;
        }
    }

    private List<Observation> observations(long advanceMillis) {
        int samples = (int) Math.max(1, Math.min(5, advanceMillis / 1000));
        long window = engine.config().health().window().toMillis();
        List<Observation> out = new ArrayList<>();
        for (int v = 0; v < vantages.size(); v++) {
            if (silent[v]) {
                continue;
            }
            for (int l = 0; l < topology.size(); l++) {
                for (int k = 0; k < samples; k++) {
                    Instant at = stale[v] ? now.minusMillis(window + 1000L * (k + 1)) : now.minusMillis(1000L * k);
                    out.add(new Observation(vantages.get(v), topology.location(l).id(), "canary", at, seen[v][l],
                            Duration.ofMillis(20)));
                }
            }
        }
        // Agents nobody configured, and probes of locations nobody knows, are counted and ignored.
        out.add(new Observation(UNLISTED_VANTAGE, topology.location(0).id(), "canary", now, Outcome.TIMEOUT, null));
        out.add(new Observation(vantages.get(0), UNKNOWN_LOCATION, "canary", now, Outcome.CONNECT_ERROR, null));
        return out;
    }

    private List<ServiceSignal> signals(History.Tick tick) {
        List<ServiceSignal> out = new ArrayList<>();
        for (History.SignalChoice s : tick.signals()) {
            String location = s.location() >= 0 && s.location() < topology.size() ? topology.location(s.location()).id()
                    : UNKNOWN_LOCATION;
            out.add(new ServiceSignal(location, s.service(), s.status(), "generated", now.minusMillis(s.ageMillis())));
        }
        return out;
    }

    private List<ActionOutcome> outcomes(History.Tick tick) {
        List<ActionOutcome> out = new ArrayList<>();
        for (History.OutcomeChoice choice : tick.outcomes()) {
            if (choice instanceof History.PublishOutcome p) {
                long generation = unansweredPublishes.isEmpty() ? state.plan().generation()
                        : unansweredPublishes.remove(p.older() ? 0 : unansweredPublishes.size() - 1);
                out.add(new PlanPublished(generation, p.status(), "generated", Duration.ofMillis(300)));
            } else if (choice instanceof History.ScaleOutcome s) {
                if (pendingScales.isEmpty()) {
                    String id = topology.location(Math.floorMod(s.pick(), topology.size())).id();
                    out.add(new ScaleResult(id, state.instances()[topology.indexOf(id)] + 1, s.status(), "unasked"));
                    continue;
                }
                int i = Math.floorMod(s.pick(), pendingScales.size());
                Action.PreScale asked = pendingScales.get(i);
                if (s.status() != ScaleStatus.REQUESTED) {
                    pendingScales.remove(i);
                }
                out.add(new ScaleResult(asked.location(), asked.instances(), s.status(), "generated"));
            }
        }
        return out;
    }
}
