package houston.app.daemon;

import houston.core.engine.Decision;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The latest decisions, for {@code /v1/decisions}: those the loop made, and after a restart those its
 * journal replay recomputed, so an incident still open keeps the decisions that explain it.
 */
final class RecentDecisions {

    /** How many of the latest decisions /v1/decisions serves. */
    static final int KEPT = 200;

    private final ArrayDeque<Decision> recent = new ArrayDeque<>();

    synchronized void remember(Decision d) {
        recent.addFirst(d);
        while (recent.size() > KEPT) {
            recent.removeLast();
        }
    }

    /** Newest first. */
    synchronized List<Decision> newestFirst() {
        return List.copyOf(recent);
    }
}
