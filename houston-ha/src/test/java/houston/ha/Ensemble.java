package houston.ha;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryForever;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;

import java.util.ArrayList;
import java.util.List;

/** A real three-server ZooKeeper ensemble in-process, and Curator clients on it with a short session. */
final class Ensemble implements AutoCloseable {

    static final int SESSION_MS = 3000;

    final TestingCluster cluster = new TestingCluster(3);
    private final List<AutoCloseable> open = new ArrayList<>();

    Ensemble() throws Exception {
        cluster.start();
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
