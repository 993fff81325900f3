package houston.core.engine;

import houston.core.model.TrafficPlan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActionHandlersTest {

    /** Records which handler method received which action, in order. */
    private static final class Recording implements ActionHandlers {
        final List<String> calls = new ArrayList<>();

        @Override
        public void publishPlan(Action.PublishPlan publish) {
            calls.add("publishPlan " + publish.plan().generation());
        }

        @Override
        public void engageFallback(Action.EngageFallback fallback) {
            calls.add("engageFallback " + fallback.locations());
        }

        @Override
        public void preScale(Action.PreScale preScale) {
            calls.add("preScale " + preScale.location() + " " + preScale.instances());
        }

        @Override
        public void scaleDown(Action.ScaleDown scaleDown) {
            calls.add("scaleDown " + scaleDown.location() + " " + scaleDown.instances());
        }

        @Override
        public void tell(Action.Notify notify) {
            calls.add("tell " + notify.decision().summary());
        }

        @Override
        public void alert(Action.Alert alert) {
            calls.add("alert " + alert.kind());
        }
    }

    @Test
    void eachKindOfActionReachesItsOwnHandlerInTheOrderGiven() {
        Decision decided = new Decision(Instant.EPOCH, "a", DecisionKind.EVACUATION_DECIDED, "inc-1", "a evacuated",
                false, null);
        List<Action> actions = List.of(
                new Action.PreScale("b", 4, "absorb a", "inc-1"),
                new Action.PublishPlan(TrafficPlan.identity(List.of("a", "b"), 7), "evacuate a"),
                new Action.EngageFallback(List.of("a"), "publishes fail"),
                new Action.Notify(decided),
                new Action.Alert(AlertKind.DNS_PUBLISH_FAILED, "publish failed", decided),
                new Action.ScaleDown("b", 2, "cool-down over"));
        Recording handlers = new Recording();

        actions.forEach(handlers::execute);

        assertEquals(List.of("preScale b 4", "publishPlan 7", "engageFallback [a]", "tell a evacuated",
                "alert DNS_PUBLISH_FAILED", "scaleDown b 2"), handlers.calls);
    }
}
