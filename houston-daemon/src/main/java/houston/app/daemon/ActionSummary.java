package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.ActionHandlers;

/**
 * The one-line summary of an action that the journal keeps and a replay is compared against. Built
 * through {@link Action#applyTo}, the dispatch every executor shares: a new kind of action does not
 * compile until it says how it is journaled (an {@code instanceof} chain would fall back silently).
 */
final class ActionSummary implements ActionHandlers {

    private String line;

    private ActionSummary() {
    }

    static String of(Action action) {
        ActionSummary summary = new ActionSummary();
        action.applyTo(summary);
        return summary.line;
    }

    @Override
    public void publishPlan(Action.PublishPlan p) {
        line = "publish generation " + p.plan().generation() + " " + p.plan();
    }

    @Override
    public void engageFallback(Action.EngageFallback f) {
        line = "fallback evacuate " + f.locations() + " (" + f.reason() + ")";
    }

    @Override
    public void preScale(Action.PreScale s) {
        line = "prescale " + s.location() + " to " + s.instances() + " (" + s.reason() + ")";
    }

    @Override
    public void scaleDown(Action.ScaleDown d) {
        line = "scale-down " + d.location() + " to " + d.instances();
    }

    @Override
    public void tell(Action.Notify n) {
        line = "notify " + n.decision().kind() + " " + n.decision().location() + ": " + n.decision().summary();
    }

    @Override
    public void alert(Action.Alert al) {
        line = "alert " + al.kind() + ": " + al.message();
    }
}
