package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.port.Notifier;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A notifier that keeps what it is told, notices and alerts in order, for tests to read (thread-safe). */
final class ToldNotifier implements Notifier {

    final List<Action> told = new CopyOnWriteArrayList<>();

    @Override
    public void notify(Action.Notify notification) {
        told.add(notification);
    }

    @Override
    public void alert(Action.Alert alert) {
        told.add(alert);
    }
}
