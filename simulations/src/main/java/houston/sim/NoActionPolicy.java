package houston.sim;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.health.Observation;
import houston.core.health.ServiceSignal;

import java.time.Instant;
import java.util.List;

/** Nobody moves traffic: what the outage costs when only the locations' own autoscalers react. */
final class NoActionPolicy implements Policy {

    static final String NAME = "no-action";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Action> tick(Instant now, List<Observation> observations, List<ServiceSignal> signals,
                             List<ActionOutcome> outcomes) {
        return List.of();
    }
}
