package houston.app.cli;

import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The {@code ha} part of a replica's {@code /v1/status} (ReplicationMetrics.status in the daemon:
 * replica, acting, connection, leader, epoch, since) as one line: whom this replica follows, that
 * it leads, or that it is cut off and its view is nobody's decision.
 */
final class Replica {

    /**
     * Curator's connection states in which a replica knows no leader: SUSPENDED and LOST stop a
     * leader acting at once, and a replica that never connected (CONNECTING) never knew one. The
     * leader it last saw may be stale, so it is not named.
     */
    private static final Set<String> CUT_OFF = Set.of("SUSPENDED", "LOST", "CONNECTING");

    private Replica() {
    }

    /** Whether the replica knows no leader (its follower line would then say what it cannot know). */
    static boolean cutOff(JsonObject ha) {
        return CUT_OFF.contains(String.valueOf(ha.getValue("connection")));
    }

    /** @param ha the {@code ha} object, its strings already made terminal-safe */
    static String line(JsonObject ha) {
        String self = "this replica (" + ha.getValue("replica", "?") + ")";
        String connection = String.valueOf(ha.getValue("connection"));
        if (cutOff(ha)) {
            return self + " is cut off from ZooKeeper (" + connection + "): no leader known; this replica's view is "
                    + "not authoritative";
        }
        String epoch = ha.getValue("epoch") == null ? "" : ", epoch " + ha.getValue("epoch");
        if (Boolean.TRUE.equals(ha.getValue("acting"))) {
            return self + " leads" + (epoch.isEmpty() ? "" : ": " + epoch.substring(2))
                    + (ha.getValue("since") == null ? "" : ", since " + ha.getValue("since"));
        }
        return ha.getValue("leader") == null ? self + " follows: no leader elected yet"
                : self + " follows: leader " + ha.getValue("leader") + epoch;
    }
}
