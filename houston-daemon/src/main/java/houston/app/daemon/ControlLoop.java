package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.ActionHandlers;
import houston.core.engine.ActionOutcome;
import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
    /**
     * Observations waiting for the next tick; beyond this the newest are dropped and counted. About 230
     * bytes each on the heap: 200,000 are ~45 MB of the launcher's 192 MB. The intake stops accepting
     * well before (see {@link #busy}), so only pushes already being decoded can reach this bound.
     */
    static final int MAX_PENDING_OBSERVATIONS = 200_000;
    /** From this many waiting observations on, the intake answers 503 + Retry-After. */
    static final int INTAKE_HIGH_WATER = 50_000;
    /** Signals and commands waiting for the next tick: far more than a second brings, and bounded. */
    static final int MAX_PENDING_SIGNALS = 1_000;
    static final int MAX_PENDING_COMMANDS = 100;

    private final DecisionEngine engine;
    private final Stepper stepper;
    private final FailedTicks failures;
    private final DnsSwitch dns;
    private volatile DnsDataPlane dataPlane = new NoDataPlane();
    private final Scaler scaler;
    private final Notifier notifier;
    private final Journal journal;
    private volatile Instant lastTickAt;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final ConcurrentLinkedQueue<Observation> observations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ServiceSignal> signals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<OperatorCommand> commands = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ActionOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Inputs.ControlPlaneReading> readings = new ConcurrentLinkedQueue<>();
    private volatile houston.core.port.ControlPlaneWatch watch;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong pendingSignals = new AtomicLong();
    private final AtomicLong pendingCommands = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    /** How many of the latest decisions /v1/decisions serves. */
    static final int RECENT_DECISIONS = 200;
    private final ArrayDeque<Decision> recent = new ArrayDeque<>();
    private final RepeatedAlerts repeated = new RepeatedAlerts();
    private final ActionHandlers effects = new PortEffects();
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
        this.failures = new FailedTicks(notifier, MAX_PENDING_OBSERVATIONS);
        this.state = initial;
        this.dns = dns;
        this.scaler = scaler;
        this.notifier = notifier;
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
        ControlPlaneWatchTimer.start(thread, controlPlane, every, acting, clock::millis, readings::add);
    }

    /** Thread-safe; never blocks. */
    public void observe(Observation o) {
        if (pending.incrementAndGet() > MAX_PENDING_OBSERVATIONS) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        observations.add(o);
    }

    public void observeAll(List<Observation> batch) {
        batch.forEach(this::observe);
    }

    /** Thread-safe; never blocks. Past {@link #MAX_PENDING_SIGNALS} waiting, dropped and counted. */
    public void signal(ServiceSignal s) {
        if (bounded(pendingSignals, MAX_PENDING_SIGNALS)) {
            signals.add(s);
        }
    }

    /** Thread-safe; never blocks. Past {@link #MAX_PENDING_COMMANDS} waiting, dropped and counted. */
    public void command(OperatorCommand c) {
        if (!handedOn.test(c)) {
            commandHere(c);
        }
    }

    /** Applies {@code c} on this replica at the next tick, never handed on (the leader's queue is drained here). */
    public void commandHere(OperatorCommand c) {
        if (bounded(pendingCommands, MAX_PENDING_COMMANDS)) {
            commands.add(c);
        }
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

    private boolean bounded(AtomicLong counter, int max) {
        if (counter.incrementAndGet() > max) {
            counter.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** True while so much waits for the next tick that pushes should be refused (503 + Retry-After). */
    public boolean busy() {
        return pending.get() >= INTAKE_HIGH_WATER || pendingSignals.get() >= MAX_PENDING_SIGNALS / 2
                || pendingCommands.get() >= MAX_PENDING_COMMANDS / 2;
    }

    /** Observations waiting for the next tick. */
    public long pendingObservations() {
        return pending.get();
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
        List<Observation> arrived = drain(observations);
        pending.addAndGet(-arrived.size());
        List<Observation> obs = ObservationCompaction.compact(arrived, now, engine.config().health());
        List<ServiceSignal> sig = drain(signals);
        pendingSignals.addAndGet(-sig.size());
        List<OperatorCommand> cmd = drain(commands);
        pendingCommands.addAndGet(-cmd.size());
        Inputs inputs = failures.withCarried(Inputs.builder().observations(obs).signals(sig).outcomes(drain(outcomes))
                .commands(cmd).demand(demand.get()).capacity(capacity.get()).controlPlane(drain(readings)).build());
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

    /** The daemon's effects: each action goes to its port, whose outcome comes back as an input. */
    private final class PortEffects implements ActionHandlers {

        @Override
        public void publishPlan(Action.PublishPlan p) {
            dns.publish(p.plan()).whenComplete((r, e) -> arrived(r != null ? r
                    : new PlanPublished(p.plan().generation(), PublishStatus.FAILED, String.valueOf(e), Duration.ZERO)));
        }

        @Override
        public void engageFallback(Action.EngageFallback f) {
            dataPlane.evacuate(f.locations()).whenComplete((r, e) -> arrived(logged(r != null ? r
                    : new ActionOutcome.FallbackEngaged(f.locations(), false, String.valueOf(e)))));
        }

        @Override
        public void preScale(Action.PreScale s) {
            scaler.scale(s).whenComplete((r, e) -> arrived(r != null ? r
                    : new ScaleResult(s.location(), s.instances(), ScaleStatus.FAILED, String.valueOf(e))));
        }

        @Override
        public void scaleDown(Action.ScaleDown d) {
            scaler.scaleDown(d).whenComplete((r, e) -> {
                if (e != null) {
                    log.warn("scale-down of {} failed: {}", d.location(), e.toString());
                }
            });
        }

        @Override
        public void tell(Action.Notify n) {
            remember(n.decision());
            notifier.notify(n);
        }

        @Override
        public void alert(Action.Alert raised) {
            Action.Alert a = repeated.pass(raised, lastTickAt, openIncident());
            if (a == null) {
                return; // a repeat of an alert already told: counted, not told again
            }
            if (a.decision() != null) {
                remember(a.decision());
            }
            notifier.alert(a);
        }
    }

    /** The incident a global reminder is told in: the first location's open one, or null (top level). */
    private String openIncident() {
        return state.tracks().stream().map(houston.core.engine.LocationTrack::incident)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** A data-plane change in the log, naming the endpoint that took it and those that failed first (ARC). */
    private static ActionOutcome logged(ActionOutcome.FallbackEngaged f) {
        if (f.engaged()) {
            log.info("DNS data plane now evacuates {}: {}", f.locations(), f.detail());
        } else if (houston.ha.ActingGate.fromFollower(f)) {
            log.debug("DNS data plane left to the leader ({}): {}", f.locations(), f.detail());
        } else {
            log.warn("DNS data plane NOT set to {}: {}", f.locations(), f.detail());
        }
        return f;
    }

    private void arrived(ActionOutcome outcome) {
        outcomes.add(outcome);
        outcomeListener.accept(outcome);
    }

    /** Called as each action outcome arrives, from the adapter's thread (metrics). */
    public void onOutcome(java.util.function.Consumer<ActionOutcome> listener) {
        this.outcomeListener = listener;
    }

    private synchronized void remember(Decision d) {
        recent.addFirst(d);
        while (recent.size() > RECENT_DECISIONS) {
            recent.removeLast();
        }
    }

    /** The decisions a journal replay recomputed (oldest first), kept as if this process had made them. */
    public void rememberReplayed(List<Decision> decisions) {
        decisions.forEach(this::remember);
    }

    private static <T> List<T> drain(ConcurrentLinkedQueue<T> queue) {
        List<T> items = new ArrayList<>();
        for (T t; (t = queue.poll()) != null; ) {
            items.add(t);
        }
        return items;
    }

    /** Called after every tick with the step and how long the tick took (metrics). */
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
    public synchronized List<Decision> recentDecisions() {
        return List.copyOf(recent);
    }

    /** Ticks whose step threw (their inputs were stepped again on a later tick). */
    public long tickFailures() {
        return failures.total();
    }

    /** Observations, signals and commands dropped because too many were waiting (the loop fell behind). */
    public long dropped() {
        return dropped.get();
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
