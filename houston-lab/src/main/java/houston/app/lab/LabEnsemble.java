package houston.app.lab;

import houston.ha.TcpProxy;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.zookeeper.util.ServiceUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A real three-server ZooKeeper ensemble in-process (curator-test's {@link TestingCluster}) on
 * ephemeral loopback ports, and for each replica its own cuttable links to every server: cutting
 * them is what a partition from the ensemble looks like to that replica, and what a dead replica
 * looks like to the ensemble (its session is never renewed and expires).
 */
public final class LabEnsemble implements AutoCloseable {

    /**
     * The servers' tickTime. A server expires sessions in buckets of one tick, so a short tick makes a
     * hand-over measure Houston rather than ZooKeeper's bucketing; 20 ticks (6 s) is still the
     * longest session a server grants, which is the shipped session timeout.
     */
    public static final int TICK_MS = 300;
    private static final int SERVERS = 3;

    private final TestingCluster cluster;
    private final List<TcpProxy> proxies = new ArrayList<>();

    private LabEnsemble(TestingCluster cluster) {
        this.cluster = cluster;
    }

    /** Three servers, started: ZooKeeper's own leader election among them takes a second or two. */
    public static LabEnsemble start() throws Exception {
        LabEnsemble e = new LabEnsemble(cluster());
        e.cluster.start();
        return e;
    }

    /** Three servers on ephemeral loopback ports with a {@link #TICK_MS} tick, not started. */
    public static TestingCluster cluster() {
        // An embedded server that cannot start (a restarted one finding its port taken meanwhile) calls
        // System.exit: it would take the whole JVM (a test fork, the lab) down with it instead of failing alone.
        ServiceUtils.setSystemExitProcedure(ServiceUtils.LOG_ONLY);
        // Each port is drawn free on its own and released, so two draws can coincide and the server
        // would refuse to start ("Client and election port must be different"): draw again then.
        while (true) {
            List<InstanceSpec> specs = new ArrayList<>();
            Set<Integer> ports = new HashSet<>();
            for (int id = 1; id <= SERVERS; id++) {
                InstanceSpec spec = new InstanceSpec(null, -1, -1, -1, true, id, TICK_MS, -1);
                specs.add(spec);
                ports.addAll(List.of(spec.getPort(), spec.getElectionPort(), spec.getQuorumPort()));
            }
            if (ports.size() == 3 * SERVERS) {
                return new TestingCluster(specs);
            }
        }
    }

    /** The servers' own addresses, for a client nobody will cut off. */
    public String connectString() {
        return cluster.getConnectString();
    }

    /** New links to every server, for one replica: its connect string goes through them. */
    public synchronized Link link() throws IOException {
        List<TcpProxy> mine = new ArrayList<>();
        for (InstanceSpec server : cluster.getInstances()) {
            mine.add(new TcpProxy(server.getPort()));
        }
        proxies.addAll(mine);
        return new Link(mine);
    }

    /** One replica's way to the ensemble. */
    public record Link(List<TcpProxy> proxies) {

        public String connectString() {
            return proxies.stream().map(TcpProxy::connectString).collect(Collectors.joining(","));
        }

        /** Drops every connection to every server and refuses new ones. */
        public void cut() {
            proxies.forEach(TcpProxy::cut);
        }

        public void resume() {
            proxies.forEach(TcpProxy::resume);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        for (TcpProxy p : proxies) {
            p.close();
        }
        cluster.close();
    }
}
