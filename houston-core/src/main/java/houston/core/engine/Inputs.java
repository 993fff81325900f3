package houston.core.engine;

import houston.core.health.Observation;
import houston.core.health.ServiceSignal;

import java.util.List;

/**
 * Everything that happened since the last tick. The engine reads nothing else: a journal of
 * inputs replays to the same decisions.
 *
 * @param demand   measured requests/s per catchment (empty: keep the last known until it is
 *                 older than the demand max-age, then plan on the configured peak)
 * @param capacity instances actually running per location (empty: keep the last known)
 */
public record Inputs(
        List<Observation> observations,
        List<ServiceSignal> signals,
        List<ActionOutcome> outcomes,
        List<OperatorCommand> commands,
        List<DemandReading> demand,
        List<CapacityReading> capacity) {

    public static final Inputs NONE = new Inputs(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public Inputs {
        observations = List.copyOf(observations);
        signals = List.copyOf(signals);
        outcomes = List.copyOf(outcomes);
        commands = List.copyOf(commands);
        demand = List.copyOf(demand);
        capacity = List.copyOf(capacity);
    }

    public static Inputs observations(List<Observation> observations) {
        return NONE.withObservations(observations);
    }

    public static Inputs commands(OperatorCommand... commands) {
        return new Inputs(List.of(), List.of(), List.of(), List.of(commands), List.of(), List.of());
    }

    public static Inputs outcomes(ActionOutcome... outcomes) {
        return new Inputs(List.of(), List.of(), List.of(outcomes), List.of(), List.of(), List.of());
    }

    public Inputs withObservations(List<Observation> more) {
        return new Inputs(more, signals, outcomes, commands, demand, capacity);
    }

    public Inputs withSignals(List<ServiceSignal> more) {
        return new Inputs(observations, more, outcomes, commands, demand, capacity);
    }

    public Inputs withOutcomes(List<ActionOutcome> more) {
        return new Inputs(observations, signals, more, commands, demand, capacity);
    }

    public Inputs withCommands(List<OperatorCommand> more) {
        return new Inputs(observations, signals, outcomes, more, demand, capacity);
    }

    /**
     * Requests/s a catchment sends.
     *
     * @param measuredAt when the source measured it (epoch ms); 0: as of the tick that carries it
     */
    public record DemandReading(String location, double rps, long measuredAt) {

        /** A reading measured as of the tick that carries it. */
        public DemandReading(String location, double rps) {
            this(location, rps, 0);
        }
    }

    /**
     * Instances a location runs (ready).
     *
     * @param measuredAt when the source read it (epoch ms); 0: as of the tick that carries it
     */
    public record CapacityReading(String location, int instances, long measuredAt) {

        /** A reading taken as of the tick that carries it. */
        public CapacityReading(String location, int instances) {
            this(location, instances, 0);
        }
    }
}
