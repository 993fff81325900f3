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
 * @param controlPlane what the control-plane watch read since the last tick, oldest first (empty:
 *                     no watch ran; nothing changes)
 */
public record Inputs(
        List<Observation> observations,
        List<ServiceSignal> signals,
        List<ActionOutcome> outcomes,
        List<OperatorCommand> commands,
        List<DemandReading> demand,
        List<CapacityReading> capacity,
        List<ControlPlaneReading> controlPlane) {

    /** Nothing happened: no observations, signals, outcomes, commands or readings. */
    public static final Inputs NONE = builder().build();

    public Inputs {
        observations = List.copyOf(observations);
        signals = List.copyOf(signals);
        outcomes = List.copyOf(outcomes);
        commands = List.copyOf(commands);
        demand = List.copyOf(demand);
        capacity = List.copyOf(capacity);
        controlPlane = List.copyOf(controlPlane);
    }

    /** Inputs built by name; whatever is not set is empty. */
    public static Builder builder() {
        return new Builder();
    }

    public static Inputs observations(List<Observation> observations) {
        return builder().observations(observations).build();
    }

    public static Inputs commands(OperatorCommand... commands) {
        return builder().commands(List.of(commands)).build();
    }

    public static Inputs outcomes(ActionOutcome... outcomes) {
        return builder().outcomes(List.of(outcomes)).build();
    }

    /** Builds {@link Inputs} by name, so that a caller names only what it has (the rest is empty). */
    public static final class Builder {
        private List<Observation> observations = List.of();
        private List<ServiceSignal> signals = List.of();
        private List<ActionOutcome> outcomes = List.of();
        private List<OperatorCommand> commands = List.of();
        private List<DemandReading> demand = List.of();
        private List<CapacityReading> capacity = List.of();
        private List<ControlPlaneReading> controlPlane = List.of();

        private Builder() {
        }

        public Builder observations(List<Observation> observations) {
            this.observations = observations;
            return this;
        }

        public Builder signals(List<ServiceSignal> signals) {
            this.signals = signals;
            return this;
        }

        public Builder outcomes(List<ActionOutcome> outcomes) {
            this.outcomes = outcomes;
            return this;
        }

        public Builder commands(List<OperatorCommand> commands) {
            this.commands = commands;
            return this;
        }

        public Builder demand(List<DemandReading> demand) {
            this.demand = demand;
            return this;
        }

        public Builder capacity(List<CapacityReading> capacity) {
            this.capacity = capacity;
            return this;
        }

        public Builder controlPlane(List<ControlPlaneReading> controlPlane) {
            this.controlPlane = controlPlane;
            return this;
        }

        public Inputs build() {
            return new Inputs(observations, signals, outcomes, commands, demand, capacity, controlPlane);
        }
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

    /**
     * One cheap read of the DNS provider's control plane (the API publishes go through), made on
     * its own cadence so that an outage is known before a publish is needed. A read that fails
     * says the API is down; one that succeeds says only that reads are served: writes may still
     * be throttled, so it never clears a failing publish.
     *
     * @param atMs   when the read was sent (epoch ms): a failure began then
     * @param ok     whether the read was answered
     * @param detail the provider's error, or "" when answered
     */
    public record ControlPlaneReading(long atMs, boolean ok, String detail) {
    }
}
