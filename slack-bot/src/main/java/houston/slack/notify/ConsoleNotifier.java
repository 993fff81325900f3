package houston.slack.notify;

import houston.core.engine.Action.Alert;
import houston.core.engine.Action.Notify;
import houston.core.port.Notifier;

import java.io.PrintStream;

/** Without a Slack token: the same words on the console, one block per message. */
public final class ConsoleNotifier implements Notifier {

    private final DecisionRenderer renderer;
    private final PrintStream out;

    public ConsoleNotifier(DecisionRenderer renderer, PrintStream out) {
        this.renderer = renderer;
        this.out = out;
    }

    @Override
    public void notify(Notify notification) {
        print(renderer.render(notification.decision()));
    }

    @Override
    public void alert(Alert alert) {
        print(renderer.render(alert));
    }

    private synchronized void print(SlackMessage m) {
        out.println((m.incident() == null ? "" : "[" + m.incident() + "] ") + m.text().replace("\n", "\n    "));
        out.flush();
    }
}
