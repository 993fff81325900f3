package houston.slack.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Each incident's Slack thread (incident → the ts of its first message), so later messages reply in
 * it. The least recently used are forgotten past 1000: an incident that old is long closed.
 */
final class IncidentThreads {

    private final Map<String, String> threads = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 1000;
        }
    };
    private volatile Consumer<Map<String, String>> changed = t -> { };

    synchronized String of(String incident) {
        return threads.get(incident);
    }

    /** A new thread started: the listener is told all known threads (outside the lock: it may write a file). */
    void remember(String incident, String ts) {
        Map<String, String> now;
        synchronized (this) {
            threads.put(incident, ts);
            now = Map.copyOf(threads);
        }
        changed.accept(now);
    }

    void onChanged(Consumer<Map<String, String>> listener) {
        this.changed = listener;
    }

    synchronized Map<String, String> all() {
        return Map.copyOf(threads);
    }

    synchronized void restore(Map<String, String> known) {
        threads.putAll(known);
    }
}
