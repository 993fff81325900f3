package houston.app.config;

import java.time.Duration;
import java.util.Set;

/** Reads {@code houston.ha}; the ZooKeeper keys are required only when that provider is chosen. */
final class HaReader {

    private final ConfigReader in;

    HaReader(ConfigReader in) {
        this.in = in;
    }

    HaSettings read() {
        String p = "houston.ha.";
        String provider = in.string(p + "provider", "none or zookeeper");
        if (!Set.of("none", "zookeeper").contains(provider)) {
            in.problem(p + "provider", "none or zookeeper");
        }
        boolean zookeeper = provider.equals("zookeeper");
        String replica = in.string(p + "replica", "this replica's id, e.g. eu-west-1");
        if (zookeeper && !replica.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            in.problem(p + "replica", "a unique id of letters, digits, '.', '_' or '-' when houston.ha.provider = zookeeper");
        }
        String connect = in.string(p + "zookeeper.connect", "host:port[,host:port...]");
        if (zookeeper && !connect.matches("[^,\\s:]+:\\d{1,5}(,[^,\\s:]+:\\d{1,5})*")) {
            in.problem(p + "zookeeper.connect", "host:port[,host:port...] when houston.ha.provider = zookeeper");
        }
        String path = in.string(p + "zookeeper.path", "a znode path such as /houston");
        if (!path.matches("(/[A-Za-z0-9._-]+)+")) {
            in.problem(p + "zookeeper.path", "a znode path such as /houston");
        }
        Duration session = in.duration(p + "zookeeper.session-timeout", Duration.ofSeconds(2), Duration.ofMinutes(1));
        Duration connection = in.duration(p + "zookeeper.connection-timeout", Duration.ofMillis(100), Duration.ofMinutes(1));
        if (connection.compareTo(session) > 0) {
            in.problem(p + "zookeeper.connection-timeout", "at most the session-timeout, " + session.toSeconds()
                    + "s: a connection attempt longer than the session outlives it");
        }
        return new HaSettings(provider, replica, connect, session, connection, path);
    }
}
