package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.ActionHandlers;
import houston.core.engine.ActionOutcome;
import houston.core.engine.Decision;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.Inputs;
import houston.core.engine.OperatorCommand;
import houston.core.engine.Step;
import houston.core.health.Observation;
import houston.core.health.ServiceSignal;
import houston.core.port.DnsDataPlane;
import houston.core.port.DnsSwitch;
import houston.core.port.Journal;
import houston.core.port.Notifier;
import houston.core.port.Scaler;
import houston.dns.fallback.NoDataPlane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The daemon's loop: every tick, everything that arrived since the last one (observations,
 * signals, operator commands, action outcomes, demand and capacity readings) becomes one {@link Inputs}; the engine steps; the
 * inputs and decisions are journaled; the actions go to the DNS switch, the scaler and the
 * notifier, whose outcomes come back as inputs on a later tick. The loop runs on its own thread,
 * never an event loop; the adapters it calls return at once.
 */
public final class ControlLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ControlLoop.class);
    private final DecisionEngine engine;
    private final Stepper stepper;
    private final FailedTicks failures;
    private final DnsSwitch dns;
    private volatile DnsDataPlane dataPlane = new NoDataPlane();
    private final Journal journal;
    private volatile Instant lastTickAt;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final LoopIntake intake = new LoopIntake();
    private volatile houston.core.port.ControlPlaneWatch watch;
    private final RecentDecisions recent = new RecentDecisions();
    private final RepeatedAlerts repeated = new RepeatedAlerts();
    private final ActionHandlers effects;
    private volatile Supplier<List<Inputs.DemandReading>> demand = List::of;
    private volatile Supplier<List<Inputs.CapacityReading>> capacity = List::of;
    private volatile EngineState state;
    private volatile java.util.function.BiConsumer<Step, Long> listener = (step, nanos) -> { };
    private volatile java.util.function.Consumer<ActionOutcome> outcomeListener = o -> { };
    private volatile java.util.function.Predicate<OperatorCommand> handedOn = c -> false;
    private volatile List<OperatorCommand> applied = List.of();
    private volatile long commandsAt;

    /** One engine step; the engine's own unless a test needs a step that fails. */
    @FunctionalInterface
    interface Stepper {
        Step step(EngineState state, Inputs inputs, Instant now);
    }

    public ControlLoop(DecisionEngine engine, EngineState initial, DnsSwitch dns, Scaler scaler, Notifier notifier,
                       Journal journal, Clock clock) {
        this(engine, engine::step, initial, dns, scaler, notifier, journal, clock);
    }

    ControlLoop(DecisionEngine engine, Stepper stepper, EngineState initial, DnsSwitch dns, Scaler scaler,
                Notifier notifier, Journal journal, Clock clock) {
        this.engine = engine;
        this.stepper = stepper;
        this.failures = new FailedTicks(notifier, LoopIntake.MAX_PENDING_OBSERVATIONS);
        this.state = initial;
        this.dns = dns;
        this.effects = new PortEffects(dns, () -> dataPlane, scaler, notifier, new PortEffects.Loop(this::arrived,
                recent, repeated, () -> lastTickAt, this::openIncident));
        this.journal = journal;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "houston-loop");
            t.setDaemon(true);
            return t;
        });
    }

    /** The data-plane path the engine's fallback actions go to ({@code houston.dns.fallback}). */
    public void useDataPlane(DnsDataPlane plane) {
        this.dataPlane = plane;
    }

    public DnsDataPlane dataPlane() {
        return dataPlane;
    }

    /** Where the engine's publishes go. */
    DnsSwitch dns() {
        return dns;
    }

    public void start(Duration tick) {
        thread.scheduleAtFixedRate(this::safeTick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the DNS control plane every {@code every} while {@code acting} (the leader), and at once on
     * taking over ({@link ControlPlaneWatchTimer}), each reading stepped and journaled with the next tick.
     */
    public void watchControlPlane(houston.core.port.ControlPlaneWatch controlPlane, Duration every,
                                  java.util.function.BooleanSupplier acting) {
        this.watch = controlPlane;
        ControlPlaneWatchTimer.start(thread, controlPlane, every, acting, clock::millis, intake::reading);
    }

    /** Thread-safe; never blocks. */
    public void observe(Observation o) {
        intake.observe(o);
    }

    public void observeAll(List<Observation> batch) {
        batch.forEach(this::observe);
    }

    /** Thread-safe; never blocks. Past {@link LoopIntake#MAX_PENDING_SIGNALS} waiting, dropped and counted. */
    public void signal(ServiceSignal s) {
        intake.signal(s);
    }

    /** Thread-safe; never blocks. Past {@link LoopIntake#MAX_PENDING_COMMANDS} waiting, dropped and counted. */
    public void command(OperatorCommand c) {
        if (!handedOn.test(c)) {
            commandHere(c);
        }
    }

    /** Applies {@code c} on this replica at the next tick, never handed on (the leader's queue is drained here). */
    public void commandHere(OperatorCommand c) {
        intake.command(c);
    }

    /**
     * When this loop's state last took an operator command (epoch ms; 0: never): a tick here, or the
     * journal replayed at start. A replica taking over compares it with the shared state's age.
     */
    public long commandsAt() {
        return commandsAt;
    }

    /** The time of the last operator command in the journal replayed into the initial state. */
    public void restoredCommandsAt(Instant at) {
        commandsAt = at == null ? 0 : at.toEpochMilli();
    }

    /** The commands the last successful tick applied (read from a tick listener, on the loop thread). */
    public List<OperatorCommand> appliedCommands() {
        return applied;
    }

    /** True while so much waits for the next tick that pushes should be refused (503 + Retry-After). */
    public boolean busy() {
        return intake.busy();
    }

    /** Observations waiting for the next tick. */
    public long pendingObservations() {
        return intake.pendingObservations();
    }

    /**
     * Where measured demand per catchment and running instances per location come from: read at
     * the start of every tick, stepped and journaled with it (so a replay plans on what was measured).
     */
    public void readFrom(Supplier<List<Inputs.DemandReading>> demandSource,
                         Supplier<List<Inputs.CapacityReading>> capacitySource) {
        this.demand = demandSource;
        this.capacity = capacitySource;
    }

    /**
     * Commands for which {@code elsewhere} returns true were handed to another replica (the leader)
     * and are not applied here, so each is applied once whichever replica received it.
     */
    public void handCommandsOn(java.util.function.Predicate<OperatorCommand> elsewhere) {
        this.handedOn = elsewhere;
    }

    /**
     * Asks the scaler again for every scale-up the state still waits for. Its answer was owed to a process
     * that stopped (a restart, a leader that died) or was never asked at all (a follower's engine plans but
     * sends nothing), so it never arrives, and the evacuations relying on it would wait ready-timeout with
     * part of a dead location's users on it. Asking for a size again is harmless: a location already that
     * big answers ready at once.
     */
    public synchronized void askAgainForScaleUps() {
        EngineState s = state;
        for (int l = 0; l < s.requested().length; l++) {
            if (s.requested()[l] > s.instances()[l]) {
                effects.execute(new Action.PreScale(engine.topology().location(l).id(), s.requested()[l],
                        "asked again: the answer to the scale-up asked before this process led never came",
                        s.track(l).incident()));
            }
        }
    }

    /** Replaces the state between two ticks (a replica taking over continues from the shared truth). */
    public synchronized void resume(java.util.function.UnaryOperator<EngineState> from) {
        state = from.apply(state);
    }

    /**
     * A replica taking over: the alert streaks it kept as a follower were never DNS failures, and an
     * outage the previous leader paged ({@code apiFailingSince}, epoch ms; 0: none) is not paged again
     * ({@link RepeatedAlerts#takeOver(long)}).
     */
    public void takeOverAlertStreaks(long apiFailingSince) {
        repeated.takeOver(apiFailingSince);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A failed step is handled in tick(); this is an adapter failing while actions are dispatched.
            log.error("control loop failed dispatching a tick's actions; continuing: {}", e.toString());
        }
    }

    /**
     * One tick, on the caller's thread (the loop thread, or a test). When the step (or its journal
     * append) throws, the tick's inputs are kept for the next tick and null is returned.
     */
    public synchronized Step tick() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        LoopIntake.Taken taken = intake.take();
        List<Observation> obs = ObservationCompaction.compact(taken.observations(), now, engine.config().health());
        Inputs inputs = failures.withCarried(Inputs.builder().observations(obs).signals(taken.signals())
                .outcomes(taken.outcomes()).commands(taken.commands()).demand(demand.get()).capacity(capacity.get())
                .controlPlane(taken.readings()).build());
        Step step;
        try {
            step = stepper.step(state, inputs, now);
            if (journal != null) {
                journal.append(new Journal.Entry(step.next().tick(), now, inputs, step.actions()));
            }
        } catch (RuntimeException e) {
            failures.failed(inputs, now, e);
            return null;
        }
        failures.succeeded(now);
        state = step.next();
        applied = inputs.commands();
        if (!applied.isEmpty()) {
            commandsAt = now.toEpochMilli();
        }
        lastTickAt = now;
        step.actions().forEach(effects::execute);
        repeated.ended(inputs.outcomes(), now, openIncident()).forEach(effects::execute);
        repeated.watched(inputs.controlPlane(), now, openIncident()).forEach(effects::execute);
        listener.accept(step, System.nanoTime() - started);
        return step;
    }

    /** The incident a global reminder is told in: the first location's open one, or null (top level). */
    private String openIncident() {
        return state.tracks().stream().map(houston.core.engine.LocationTrack::incident)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private void arrived(ActionOutcome outcome) {
        intake.outcome(outcome);
        outcomeListener.accept(outcome);
    }

    /** Called as each action outcome arrives, from the adapter's thread (metrics). */
    public void onOutcome(java.util.function.Consumer<ActionOutcome> listener) {
        this.outcomeListener = listener;
    }

    /** The decisions a journal replay recomputed (oldest first), kept as if this process had made them. */
    public void rememberReplayed(List<Decision> decisions) {
        decisions.forEach(recent::remember);
    }

    /** Adds a listener called on the loop thread after every tick, with its duration in ns. */
    public synchronized void onTick(java.util.function.BiConsumer<Step, Long> tickListener) {
        this.listener = listener.andThen(tickListener);
    }

    public EngineState state() {
        return state;
    }

    /** When the state was last stepped (null before the first tick): the time of the data the API serves. */
    public Instant lastTickAt() {
        return lastTickAt;
    }

    public DecisionEngine engine() {
        return engine;
    }

    /** The latest decisions, newest first. */
    public List<Decision> recentDecisions() {
        return recent.newestFirst();
    }

    /** Ticks whose step threw (their inputs were stepped again on a later tick). */
    public long tickFailures() {
        return failures.total();
    }

    /** Observations, signals and commands dropped because too many were waiting (the loop fell behind). */
    public long dropped() {
        return intake.dropped();
    }

    /** Stops ticking after the tick in progress; the journal is closed by its owner. */
    @Override
    public void close() {
        thread.shutdown();
        if (watch instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing the control-plane watch: {}", e.toString());
            }
        }
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
