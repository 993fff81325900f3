package houston.core.engine;

import java.util.List;

/** The result of one engine step: the next state and the actions to execute, in order. */
public record Step(EngineState next, List<Action> actions) {

    public Step {
        actions = List.copyOf(actions);
    }

    public <T extends Action> List<T> actionsOf(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
