package houston.sim;

import houston.core.config.EngineConfig;
import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.Inputs;
import houston.core.engine.Step;
import houston.core.health.Observation;
import houston.core.health.ServiceSignal;
import houston.core.model.Topology;

import java.time.Instant;
import java.util.List;

/** Houston's own decision engine, unchanged, fed each tick exactly as the daemon's control loop feeds it. */
final class HoustonPolicy implements Policy {

    static final String NAME = "houston";

    private final DecisionEngine engine;
    private final boolean floors;
    private EngineState state;
    private List<Inputs.DemandReading> demand = List.of();
    private List<Inputs.CapacityReading> capacity = List.of();
    private final List<Inputs.ControlPlaneReading> readings = new java.util.ArrayList<>();

    HoustonPolicy(EngineConfig config, Topology topology, Instant start) {
        this.engine = new DecisionEngine(config, topology);
        this.floors = config.dnsFallback().enabled();
        this.state = engine.initialState(start);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean wantsProbes() {
        return true;
    }

    @Override
    public boolean floorsFallbackReceivers() {
        return floors;
    }

    @Override
    public boolean watchesControlPlane() {
        return floors;
    }

    @Override
    public void watched(List<Inputs.ControlPlaneReading> readings) {
        this.readings.addAll(readings);
    }

    @Override
    public void measured(List<Inputs.DemandReading> demand, List<Inputs.CapacityReading> capacity) {
        this.demand = List.copyOf(demand);
        this.capacity = List.copyOf(capacity);
    }

    @Override
    public List<Action> tick(Instant now, List<Observation> observations, List<ServiceSignal> signals,
                             List<ActionOutcome> outcomes) {
        Inputs inputs = Inputs.builder().observations(observations).signals(signals).outcomes(outcomes)
                .demand(demand).capacity(capacity).controlPlane(List.copyOf(readings)).build();
        readings.clear();
        Step step = engine.step(state, inputs, now);
        state = step.next();
        return step.actions();
    }
}
