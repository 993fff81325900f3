package houston.slack.notify;

import houston.core.engine.Action.Alert;
import houston.core.engine.Action.Notify;
import houston.core.port.Notifier;

/** The notifier port over Slack: render, queue, return. */
public final class SlackNotifier implements Notifier {

    private final DecisionRenderer renderer;
    private final SlackOutbox outbox;

    public SlackNotifier(DecisionRenderer renderer, SlackOutbox outbox) {
        this.renderer = renderer;
        this.outbox = outbox;
    }

    @Override
    public void notify(Notify notification) {
        outbox.offer(renderer.render(notification.decision()));
    }

    @Override
    public void alert(Alert alert) {
        outbox.offer(renderer.render(alert));
    }
}
