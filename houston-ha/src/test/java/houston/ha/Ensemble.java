package houston.ha;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryForever;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.zookeeper.util.ServiceUtils;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A real three-server ZooKeeper ensemble in-process, and Curator clients on it with a short session. */
public final class Ensemble implements AutoCloseable {

    static final int SESSION_MS = 3000;
    /**
     * The servers' tickTime. A server expires sessions in buckets of one tick, so a dead client's
     * session ends up to one tick after its timeout: short here, so hand-over times measure Houston
     * (and 20 ticks, the longest session a server grants, still allow the shipped 6 s).
     */
    public static final int TICK_MS = 300;

    static {
        // An embedded server that cannot start (a restarted one finding its port taken meanwhile) calls
        // System.exit: it would take the whole test fork down with it instead of failing its test alone.
        ServiceUtils.setSystemExitProcedure(ServiceUtils.LOG_ONLY);
    }

    // ZooKeeper's default tick (2 s): the leadership ITs do not measure hand-over time.
    final TestingCluster cluster = new TestingCluster(specs(-1));
    private final List<AutoCloseable> open = new ArrayList<>();

    Ensemble() throws Exception {
        cluster.start();
    }

    /** Three servers on ephemeral loopback ports with a {@link #TICK_MS} tick; started by the caller. */
    public static TestingCluster cluster() {
        return new TestingCluster(specs(TICK_MS));
    }

    /**
     * Three servers' specs whose nine ports all differ. Each port is drawn free on its own and
     * released, so two draws can return the same port, and the server then refuses to start
     * ("Client and election port must be different"): such a draw is made again.
     */
    private static List<InstanceSpec> specs(int tickMs) {
        while (true) {
            List<InstanceSpec> specs = new ArrayList<>();
            Set<Integer> ports = new HashSet<>();
            for (int id = 1; id <= 3; id++) {
                InstanceSpec spec = new InstanceSpec(null, -1, -1, -1, true, id, tickMs, -1);
                specs.add(spec);
                ports.addAll(List.of(spec.getPort(), spec.getElectionPort(), spec.getQuorumPort()));
            }
            if (ports.size() == 9) {
                return specs;
            }
        }
    }

    /** A started client on the whole ensemble. */
    CuratorFramework client() {
        return client(cluster.getConnectString());
    }

    /** A started client on {@code connect} only (one server: killing it cuts this client off). */
    CuratorFramework client(String connect) {
        CuratorFramework c = CuratorFrameworkFactory.builder().connectString(connect).sessionTimeoutMs(SESSION_MS)
                .connectionTimeoutMs(1000).retryPolicy(new RetryForever(200))
                // Curator would otherwise learn every server from the ensemble and route around a cut proxy.
                .ensembleTracker(false).build();
        c.start();
        open.add(0, c);
        return c;
    }

    InstanceSpec server(int i) {
        return new ArrayList<>(cluster.getInstances()).get(i);
    }

    String connectString(int i) {
        return server(i).getConnectString();
    }

    <T extends AutoCloseable> T closeLater(T closeable) {
        open.add(0, closeable);
        return closeable;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Already closed by the test.
            }
        }
        cluster.close();
    }
}
