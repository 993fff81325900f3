package houston.app.config;

import java.time.Duration;

/**
 * Replicas: {@code none} runs one daemon that always acts (as Houston always did); {@code zookeeper}
 * runs this daemon as one replica of several, and only the leader elected through the ensemble acts.
 *
 * @param provider          none or zookeeper
 * @param replica           this replica's id, unique among the replicas (recorded in DNS and in status)
 * @param connect           the ensemble, {@code host:port,host:port,...}
 * @param sessionTimeout    how long a silent replica keeps its session: a dead leader's successor acts
 *                          after about this plus one or two ticks
 * @param connectionTimeout how long one connection attempt may take
 * @param path              the znode under which election, shared state and commands live
 */
public record HaSettings(String provider, String replica, String connect, Duration sessionTimeout,
                         Duration connectionTimeout, String path) {

    public boolean enabled() {
        return provider.equals("zookeeper");
    }
}
