package houston.core.engine;

import houston.core.model.TrafficPlan;

/**
 * What the engine asks the world to do. Actions are data: the daemon executes them through the
 * ports, the simulator through its models (both as {@link ActionHandlers}), and their outcomes come
 * back as {@link ActionOutcome}s.
 */
public sealed interface Action {

    /** Hands this action to the handler for its kind (the one dispatch every executor shares). */
    void applyTo(ActionHandlers handlers);

    /** Grow {@code location} to at least {@code instances} before (or while) traffic arrives. */
    record PreScale(String location, int instances, String reason, String incident) implements Action {

        @Override
        public void applyTo(ActionHandlers handlers) {
            handlers.preScale(this);
        }
    }

    /**
     * Return {@code location} to {@code instances} (its own size): nothing has relied on its extra
     * capacity for the scale-down cool-down.
     */
    record ScaleDown(String location, int instances, String reason) implements Action {

        @Override
        public void applyTo(ActionHandlers handlers) {
            handlers.scaleDown(this);
        }
    }

    /** Make {@code plan} the live DNS plan. Publishing a generation already live is a no-op. */
    record PublishPlan(TrafficPlan plan, String reason) implements Action {

        @Override
        public void applyTo(ActionHandlers handlers) {
            handlers.publishPlan(this);
        }
    }

    /**
     * Make exactly {@code locations} evacuated through the DNS provider's data plane (health
     * checks or routing controls), without the control plane; every other location is released.
     * An empty list releases the fallback. Used only while publishes fail; idempotent.
     */
    record EngageFallback(java.util.List<String> locations, String reason) implements Action {

        public EngageFallback {
            locations = java.util.List.copyOf(locations);
        }

        @Override
        public void applyTo(ActionHandlers handlers) {
            handlers.engageFallback(this);
        }
    }

    /** Tell humans about a decision, with its evidence. */
    record Notify(Decision decision) implements Action {

        @Override
        public void applyTo(ActionHandlers handlers) {
            handlers.tell(this);
        }
    }

    /** A safety event humans must look at now (mentions on-call). */
    record Alert(AlertKind kind, String message, Decision decision) implements Action {

        @Override
        public void applyTo(ActionHandlers handlers) {
            handlers.alert(this);
        }
    }
}
