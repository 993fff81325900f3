package houston.app.preview;

import houston.app.config.HoustonSettings;
import houston.core.engine.Action;
import houston.core.engine.Decision;
import houston.core.engine.DecisionEngine;
import houston.core.engine.DecisionKind;
import houston.core.engine.EngineState;
import houston.core.engine.Inputs;
import houston.core.engine.OperatorCommand;
import houston.core.engine.Step;
import houston.core.model.TrafficPlan;
import houston.core.plan.Placement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine would do if the given locations were evacuated now, from a quiet start on the
 * configured topology at peak demand. It feeds the engine operator evacuations and reads the
 * actions back, so the preview is the engine's own answer, not a second planner.
 */
public final class EvacuationPreview {

    /** The engine's answer: the plan it would publish, where demand went, and the pre-scales. */
    public record Preview(TrafficPlan plan, List<Placement> placements, List<Action.PreScale> preScales,
                          List<Decision> decisions, List<Action.Alert> alerts) {
    }

    private final HoustonSettings settings;

    public EvacuationPreview(HoustonSettings settings) {
        this.settings = settings;
    }

    /** Throws IllegalArgumentException naming the known locations when one is unknown. */
    public Preview evacuate(List<String> locations, Instant now) {
        for (String id : locations) {
            settings.topology().indexOf(id);
        }
        DecisionEngine engine = new DecisionEngine(settings.engine(), settings.topology());
        EngineState start = engine.initialState(now);
        List<OperatorCommand> commands = new ArrayList<>();
        for (String id : locations) {
            commands.add(new OperatorCommand.Evacuate(id, null, "what-if from the command line", "cli"));
        }
        Step step = engine.step(start, Inputs.NONE.withCommands(commands), now);
        List<Decision> decisions = step.actionsOf(Action.Notify.class).stream().map(Action.Notify::decision).toList();
        List<Placement> placements = new ArrayList<>();
        for (Decision d : decisions) {
            if (d.kind() == DecisionKind.EVACUATION_DECIDED || d.kind() == DecisionKind.TRAFFIC_SHIFTING) {
                placements.addAll(d.explanation().placements());
            }
        }
        return new Preview(step.next().plan(), placements, step.actionsOf(Action.PreScale.class), decisions,
                step.actionsOf(Action.Alert.class));
    }
}
