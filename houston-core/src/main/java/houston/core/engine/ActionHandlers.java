package houston.core.engine;

/**
 * What executes the engine's {@link Action}s: the daemon through its ports, the simulator through
 * its world. One method per action kind, reached through {@link Action#applyTo}: a new kind of
 * action adds a method here, so every executor fails to compile until it handles it (a chain of
 * {@code instanceof} would silently ignore it).
 */
public interface ActionHandlers {

    void publishPlan(Action.PublishPlan publish);

    void engageFallback(Action.EngageFallback fallback);

    void preScale(Action.PreScale preScale);

    void scaleDown(Action.ScaleDown scaleDown);

    void tell(Action.Notify notify);

    void alert(Action.Alert alert);

    /** Executes {@code action} with the method for its kind. */
    default void execute(Action action) {
        action.applyTo(this);
    }
}
