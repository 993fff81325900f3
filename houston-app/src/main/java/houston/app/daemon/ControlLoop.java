package houston.app.daemon;

import houston.core.engine.Action;
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
import houston.core.port.DnsSwitch;
import houston.core.port.Journal;
import houston.core.port.Notifier;
import houston.core.port.Scaler;
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

/**
 * The daemon's loop: every tick, everything that arrived since the last one (observations,
 * signals, operator commands, action outcomes) becomes one {@link Inputs}; the engine steps; the
 * inputs and decisions are journaled; the actions go to the DNS switch, the scaler and the
 * notifier, whose outcomes come back as inputs on a later tick. The loop runs on its own thread,
 * never an event loop; the adapters it calls return at once.
 */
public final class ControlLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ControlLoop.class);
    /** Observations waiting for the next tick; beyond this the newest are dropped and counted. */
    static final int MAX_PENDING_OBSERVATIONS = 500_000;

    private final DecisionEngine engine;
    private final DnsSwitch dns;
    private final Scaler scaler;
    private final Notifier notifier;
    private final Journal journal;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final ConcurrentLinkedQueue<Observation> observations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ServiceSignal> signals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<OperatorCommand> commands = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ActionOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final ArrayDeque<Decision> recent = new ArrayDeque<>();
    private volatile EngineState state;
    private volatile java.util.function.BiConsumer<Step, Long> listener = (step, nanos) -> { };
    private volatile java.util.function.Consumer<ActionOutcome> outcomeListener = o -> { };
    private volatile java.util.function.Predicate<OperatorCommand> handedOn = c -> false;

    public ControlLoop(DecisionEngine engine, EngineState initial, DnsSwitch dns, Scaler scaler, Notifier notifier,
                       Journal journal, Clock clock) {
        this.engine = engine;
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

    public void start(Duration tick) {
        thread.scheduleAtFixedRate(this::safeTick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
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

    public void signal(ServiceSignal s) {
        signals.add(s);
    }

    public void command(OperatorCommand c) {
        if (!handedOn.test(c)) {
            commands.add(c);
        }
    }

    /**
     * Commands for which {@code elsewhere} returns true were handed to another replica (the leader)
     * and are not applied here, so each is applied once whichever replica received it.
     */
    public void handCommandsOn(java.util.function.Predicate<OperatorCommand> elsewhere) {
        this.handedOn = elsewhere;
    }

    /** Replaces the state between two ticks (a replica taking over continues from the shared truth). */
    public synchronized void resume(java.util.function.UnaryOperator<EngineState> from) {
        state = from.apply(state);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // One bad tick must not stop the loop: the next one starts from the last good state.
            log.error("control loop tick failed; continuing", e);
        }
    }

    /** One tick, on the caller's thread (the loop thread, or a test). */
    public synchronized Step tick() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<Observation> obs = drain(observations);
        pending.addAndGet(-obs.size());
        Inputs inputs = new Inputs(obs, drain(signals), drain(outcomes), drain(commands), List.of(), List.of());
        Step step = engine.step(state, inputs, now);
        if (journal != null) {
            journal.append(new Journal.Entry(step.next().tick(), now, inputs, step.actions()));
        }
        state = step.next();
        step.actions().forEach(this::dispatch);
        listener.accept(step, System.nanoTime() - started);
        return step;
    }

    private void dispatch(Action action) {
        if (action instanceof Action.PublishPlan p) {
            dns.publish(p.plan()).whenComplete((r, e) -> arrived(r != null ? r
                    : new PlanPublished(p.plan().generation(), PublishStatus.FAILED, String.valueOf(e), Duration.ZERO)));
        } else if (action instanceof Action.PreScale s) {
            scaler.scale(s).whenComplete((r, e) -> arrived(r != null ? r
                    : new ScaleResult(s.location(), s.instances(), ScaleStatus.FAILED, String.valueOf(e))));
        } else if (action instanceof Action.ScaleDown d) {
            scaler.scaleDown(d).whenComplete((r, e) -> {
                if (e != null) {
                    log.warn("scale-down of {} failed: {}", d.location(), e.toString());
                }
            });
        } else if (action instanceof Action.Notify n) {
            remember(n.decision());
            notifier.notify(n);
        } else if (action instanceof Action.Alert a) {
            if (a.decision() != null) {
                remember(a.decision());
            }
            notifier.alert(a);
        }
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
        while (recent.size() > 200) {
            recent.removeLast();
        }
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

    public DecisionEngine engine() {
        return engine;
    }

    /** The latest decisions, newest first. */
    public synchronized List<Decision> recentDecisions() {
        return List.copyOf(recent);
    }

    /** Observations dropped because too many were waiting (the loop fell behind). */
    public long dropped() {
        return dropped.get();
    }

    /** Stops ticking after the tick in progress; the journal is closed by its owner. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
