package houston.app.daemon;

import houston.core.engine.ActionOutcome;
import houston.core.engine.Inputs;
import houston.core.engine.OperatorCommand;
import houston.core.health.Observation;
import houston.core.health.ServiceSignal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What arrives between two ticks, from any thread, without blocking: observations, signals, operator
 * commands, action outcomes and control-plane readings. Each queue is bounded by a count, so a flood is
 * dropped and counted instead of filling the heap, and {@link #busy()} tells the intake to refuse pushes
 * well before a bound is reached.
 */
final class LoopIntake {

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

    private final ConcurrentLinkedQueue<Observation> observations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ServiceSignal> signals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<OperatorCommand> commands = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ActionOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Inputs.ControlPlaneReading> readings = new ConcurrentLinkedQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong pendingSignals = new AtomicLong();
    private final AtomicLong pendingCommands = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    void observe(Observation o) {
        if (bounded(pending, MAX_PENDING_OBSERVATIONS)) {
            observations.add(o);
        }
    }

    void signal(ServiceSignal s) {
        if (bounded(pendingSignals, MAX_PENDING_SIGNALS)) {
            signals.add(s);
        }
    }

    void command(OperatorCommand c) {
        if (bounded(pendingCommands, MAX_PENDING_COMMANDS)) {
            commands.add(c);
        }
    }

    /** Outcomes are never dropped: each answers an action the engine waits for. */
    void outcome(ActionOutcome o) {
        outcomes.add(o);
    }

    void reading(Inputs.ControlPlaneReading r) {
        readings.add(r);
    }

    private boolean bounded(AtomicLong counter, int max) {
        if (counter.incrementAndGet() > max) {
            counter.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Everything waiting, taken for one tick. */
    Taken take() {
        List<Observation> obs = drain(observations);
        pending.addAndGet(-obs.size());
        List<ServiceSignal> sig = drain(signals);
        pendingSignals.addAndGet(-sig.size());
        List<OperatorCommand> cmd = drain(commands);
        pendingCommands.addAndGet(-cmd.size());
        return new Taken(obs, sig, cmd, drain(outcomes), drain(readings));
    }

    /** One tick's arrivals. */
    record Taken(List<Observation> observations, List<ServiceSignal> signals, List<OperatorCommand> commands,
                 List<ActionOutcome> outcomes, List<Inputs.ControlPlaneReading> readings) {
    }

    boolean busy() {
        return pending.get() >= INTAKE_HIGH_WATER || pendingSignals.get() >= MAX_PENDING_SIGNALS / 2
                || pendingCommands.get() >= MAX_PENDING_COMMANDS / 2;
    }

    long pendingObservations() {
        return pending.get();
    }

    long dropped() {
        return dropped.get();
    }

    private static <T> List<T> drain(ConcurrentLinkedQueue<T> queue) {
        List<T> items = new ArrayList<>();
        for (T t; (t = queue.poll()) != null; ) {
            items.add(t);
        }
        return items;
    }
}
