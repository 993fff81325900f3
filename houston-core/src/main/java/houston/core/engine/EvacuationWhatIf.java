package houston.core.engine;

import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import houston.core.plan.Placement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine would do if the given locations were evacuated now, from a quiet start at
 * peak demand. It feeds the engine operator evacuations and reads the actions back, so the
 * answer is the engine's own, not a second planner's: the CLI's {@code plan}, {@code dns diff}
 * and the capacity buffer planner all ask it. One engine step: O(locations²).
 */
public final class EvacuationWhatIf {

    /** The engine's answer: the plan it would publish, where demand went, the pre-scales and alerts. */
    public record Answer(TrafficPlan plan, List<Placement> placements, List<Action.PreScale> preScales,
                         List<Decision> decisions, List<Action.Alert> alerts) {
    }

    private final DecisionEngine engine;

    public EvacuationWhatIf(DecisionEngine engine) {
        this.engine = engine;
    }

    /** Throws IllegalArgumentException naming the known locations when one is unknown. */
    public Answer evacuate(List<String> locations, Instant now) {
        Topology topology = engine.topology();
        if (locations.isEmpty() || locations.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("--evacuate: '" + String.join(",", locations)
                    + "' (expected: one or more location ids, comma-separated, e.g. us-east-1,eu-west-1)");
        }
        for (String id : locations) {
            topology.indexOf(id);
        }
        List<OperatorCommand> commands = new ArrayList<>();
        for (String id : locations) {
            commands.add(new OperatorCommand.Evacuate(id, null, "what-if", "what-if"));
        }
        Step step = engine.step(engine.initialState(now), Inputs.builder().commands(commands).build(), now);
        List<Decision> decisions = step.actionsOf(Action.Notify.class).stream().map(Action.Notify::decision).toList();
        List<Placement> placements = new ArrayList<>();
        for (Decision d : decisions) {
            if (d.kind() == DecisionKind.EVACUATION_DECIDED || d.kind() == DecisionKind.TRAFFIC_SHIFTING) {
                placements.addAll(d.explanation().placements());
            }
        }
        return new Answer(step.next().plan(), placements, step.actionsOf(Action.PreScale.class), decisions,
                step.actionsOf(Action.Alert.class));
    }
}
