package houston.core.engine;

import houston.core.config.EngineConfig;
import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.model.LocationState;
import houston.core.model.Topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the engine the way the daemon does, one tick a second on a virtual clock: every vantage
 * probes every location once per tick, DNS confirms each publish on the next tick, and receivers
 * report ready on the next tick unless told otherwise. Nothing sleeps.
 */
final class EngineHarness {

    static final Instant START = Instant.parse("2026-11-22T03:00:00Z");

    final DecisionEngine engine;
    final Topology topology;
    EngineState state;
    Instant now = START;
    final List<Action> actions = new ArrayList<>();
    final List<Inputs> journal = new ArrayList<>();
    final List<Instant> journalTimes = new ArrayList<>();
    boolean confirmPublishes = true;
    boolean confirmScaleUps = true;
    /** The scaler refuses every scale-up (its answer arrives with the next tick). */
    boolean scalerFails;
    /** The DNS provider's control plane fails every publish (after {@code failAfter}); its data plane works. */
    boolean controlPlaneDown;
    Duration failAfter = Duration.ofSeconds(1);
    /** The provider accepts every change but refuses every INSYNC poll (a throttle): publishes end ACCEPTED. */
    boolean pollsThrottled;
    /** How often the control-plane watch reads (and fails while {@code controlPlaneDown}); 0: no watch. */
    int watchEverySeconds;
    boolean dataPlaneAnswers = true;
    /** What the data plane says when it answers (ARC: the endpoint that took the change, those that failed). */
    String dataPlaneDetail = "ok";

    private final Map<String, Outcome> faults = new HashMap<>();
    /** Locations whose services send no signals; null: the services report nothing at all. */
    private java.util.Set<String> servicesSilent;
    private final java.util.Set<String> silent = new java.util.HashSet<>();
    private final List<ActionOutcome> pendingOutcomes = new ArrayList<>();
    private final List<OperatorCommand> pendingCommands = new ArrayList<>();
    private final List<houston.core.health.ServiceSignal> pendingSignals = new ArrayList<>();
    private final List<Inputs.DemandReading> pendingDemand = new ArrayList<>();
    private final Map<String, Double> measured = new java.util.TreeMap<>();
    private final List<Inputs.CapacityReading> pendingCapacity = new ArrayList<>();
    private final ActionHandlers world = new WorldAnswers();

    EngineHarness(EngineConfig config, Topology topology) {
        this.engine = new DecisionEngine(config, topology);
        this.topology = topology;
        this.state = engine.initialState(now);
    }

    /** From now on {@code vantage} sees {@code outcome} when probing {@code location} ("*" = every). */
    EngineHarness fault(String vantage, String location, Outcome outcome) {
        faults.put(vantage + "/" + location, outcome);
        return this;
    }

    /** Runs 10 ticks, breaks {@code location} on every vantage for 10, then clears it and ticks until it is healthy again. */
    EngineHarness outageAndFullRecovery(String location) {
        run(10);
        breakLocation(location, "vantage-a", "vantage-b", "vantage-c").run(10);
        clear();
        while (stateOf(location) != LocationState.HEALTHY) {
            tick();
        }
        return this;
    }

    EngineHarness clear() {
        faults.clear();
        silent.clear();
        return this;
    }

    /** From now on no vantage reports on {@code location}: its probes stop arriving (a vantage stopped). */
    EngineHarness silence(String location) {
        silent.add(location);
        return this;
    }

    /** {@code location} fails for the given vantages. */
    EngineHarness breakLocation(String location, String... vantages) {
        for (String v : vantages) {
            fault(v, location, Outcome.CONNECT_ERROR);
        }
        return this;
    }

    EngineHarness command(OperatorCommand command) {
        pendingCommands.add(command);
        return this;
    }

    /** A service signal, given with the next tick. */
    EngineHarness signal(houston.core.health.ServiceSignal signal) {
        pendingSignals.add(signal);
        return this;
    }

    /**
     * From now on the services report healthy from every location on every tick, but for
     * {@code dead} ones, which send nothing (a dead location's services are silent).
     */
    EngineHarness servicesHealthyExcept(String... dead) {
        servicesSilent = new java.util.HashSet<>(List.of(dead));
        return this;
    }

    /** Measured demand of a catchment, given with the next tick. */
    EngineHarness demand(String location, double rps) {
        pendingDemand.add(new Inputs.DemandReading(location, rps));
        return this;
    }

    /** A demand reading as a source gave it (with its own measurement time), given with the next tick. */
    EngineHarness reading(Inputs.DemandReading reading) {
        pendingDemand.add(reading);
        return this;
    }

    /** From now on, {@code location}'s demand is measured at {@code rps} on every tick (as a reader polling it would). */
    EngineHarness measuring(String location, double rps) {
        measured.put(location, rps);
        return this;
    }

    /** The demand readers stop answering: no more readings from the next tick on. */
    EngineHarness stopMeasuring() {
        measured.clear();
        return this;
    }

    /** Instances a location runs, read with the next tick. */
    EngineHarness running(String location, int instances) {
        pendingCapacity.add(new Inputs.CapacityReading(location, instances));
        return this;
    }

    EngineHarness outcome(ActionOutcome outcome) {
        pendingOutcomes.add(outcome);
        return this;
    }

    /** One tick, one second after the previous one. */
    Step tick() {
        now = now.plusSeconds(1);
        List<Observation> observations = new ArrayList<>();
        for (String v : engine.config().health().vantages()) {
            for (String l : topology.ids()) {
                if (silent.contains(l)) {
                    continue;
                }
                observations.add(new Observation(v, l, "canary", now, outcomeFor(v, l), Duration.ofMillis(20)));
            }
        }
        if (servicesSilent != null) {
            topology.ids().stream().filter(l -> !servicesSilent.contains(l)).forEach(l -> pendingSignals.add(
                    new houston.core.health.ServiceSignal(l, "web", houston.core.health.SignalStatus.HEALTHY, "0% errors", now)));
        }
        measured.forEach((location, rps) -> pendingDemand.add(new Inputs.DemandReading(location, rps, now.toEpochMilli())));
        Inputs inputs = Inputs.builder().observations(observations).signals(List.copyOf(pendingSignals))
                .outcomes(List.copyOf(pendingOutcomes)).commands(List.copyOf(pendingCommands))
                .demand(List.copyOf(pendingDemand)).capacity(List.copyOf(pendingCapacity))
                .controlPlane(watchEverySeconds > 0 && now.getEpochSecond() % watchEverySeconds == 0
                        ? List.of(new Inputs.ControlPlaneReading(now.toEpochMilli(), !controlPlaneDown,
                        controlPlaneDown ? "ServiceUnavailable" : "")) : List.of()).build();
        pendingOutcomes.clear();
        pendingCommands.clear();
        pendingSignals.clear();
        pendingDemand.clear();
        pendingCapacity.clear();
        journal.add(inputs);
        journalTimes.add(now);
        Step step = engine.step(state, inputs, now);
        state = step.next();
        actions.addAll(step.actions());
        step.actions().forEach(world::execute);
        return step;
    }

    /**
     * What DNS, its data plane and the scaler answer to each kind of action, given with the next tick.
     * Through the one dispatch the daemon and the simulator use, so a new kind of action does not
     * compile until the harness decides how the world answers it.
     */
    private final class WorldAnswers implements ActionHandlers {

        @Override
        public void publishPlan(Action.PublishPlan p) {
            if (controlPlaneDown) {
                pendingOutcomes.add(new PlanPublished(p.plan().generation(), PublishStatus.FAILED, "ServiceUnavailable",
                        failAfter));
            } else if (pollsThrottled) {
                pendingOutcomes.add(new PlanPublished(p.plan().generation(), PublishStatus.ACCEPTED,
                        "accepted, INSYNC not confirmed yet (throttled)", failAfter));
            } else if (confirmPublishes) {
                pendingOutcomes.add(new PlanPublished(p.plan().generation(), PublishStatus.INSYNC, "ok",
                        Duration.ofSeconds(1)));
            }
        }

        @Override
        public void engageFallback(Action.EngageFallback f) {
            pendingOutcomes.add(new ActionOutcome.FallbackEngaged(f.locations(), dataPlaneAnswers,
                    dataPlaneAnswers ? dataPlaneDetail : "every endpoint refused"));
        }

        @Override
        public void preScale(Action.PreScale s) {
            if (scalerFails) {
                pendingOutcomes.add(new ScaleResult(s.location(), s.instances(), ScaleStatus.FAILED, "quota exceeded"));
            } else if (confirmScaleUps) {
                pendingOutcomes.add(new ScaleResult(s.location(), s.instances(), ScaleStatus.READY, "ready"));
            }
        }

        @Override
        public void scaleDown(Action.ScaleDown d) {
            // The daemon feeds no outcome of a scale-down back to the engine either (it only logs a failure).
        }

        @Override
        public void tell(Action.Notify n) {
            // Humans are told; nothing comes back into the engine.
        }

        @Override
        public void alert(Action.Alert a) {
            // Likewise: an alert pages on-call and returns nothing.
        }
    }

    private Outcome outcomeFor(String vantage, String location) {
        Outcome o = faults.get(vantage + "/" + location);
        if (o == null) {
            o = faults.get(vantage + "/*");
        }
        return o == null ? Outcome.OK : o;
    }

    /** Ticks for {@code seconds} seconds. */
    EngineHarness run(int seconds) {
        for (int i = 0; i < seconds; i++) {
            tick();
        }
        return this;
    }

    LocationState stateOf(String location) {
        return state.track(topology.indexOf(location)).state();
    }

    <T extends Action> List<T> all(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Decision> decisions(DecisionKind kind) {
        return all(Action.Notify.class).stream().map(Action.Notify::decision).filter(d -> d.kind() == kind).toList();
    }

    List<Action.Alert> alerts(AlertKind kind) {
        return all(Action.Alert.class).stream().filter(a -> a.kind() == kind).toList();
    }

    double fraction(String catchment, String serving) {
        return state.plan().fraction(catchment, serving);
    }
}
