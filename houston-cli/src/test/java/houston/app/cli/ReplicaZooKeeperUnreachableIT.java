package houston.app.cli;

import houston.testkit.Eventually;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code houston run} replica whose ZooKeeper connect string names a host that does not resolve
 * and a port nobody listens on: it is alive but not ready, pages once a session later saying what
 * is wrong with each server, and its log holds no stack trace from ZooKeeper's client.
 */
class ReplicaZooKeeperUnreachableIT {

    @AutoClose
    private ReplicaLab lab;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        lab = new ReplicaLab(dir);
    }

    @Test
    void aReplicaThatCannotReachZooKeeperIsNotReadyPagesWithTheCauseAndPrintsNoStackTrace() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ReplicaProcess r = lab.replica(1, "zk-does-not-exist.invalid:2181,127.0.0.1:" + closed);

        Eventually.await(Duration.ofSeconds(45), () -> !lab.cutOffPages().isEmpty());
        int ready = r.send(r.request("/readyz")).statusCode();
        int healthy = r.send(r.request("/healthz")).statusCode();

        assertEquals(503, ready);
        assertEquals(200, healthy, "the process is alive");
        assertEquals(1, lab.cutOffPages().size(), lab.cutOffPages().toString());
        assertTrue(lab.cutOffPages().get(0).contains("zk-does-not-exist.invalid:2181 unknown host; 127.0.0.1:" + closed
                + " connection refused"), lab.cutOffPages().get(0));
        List<String> stackFrames = r.output().lines().filter(l -> l.startsWith("\tat ") || l.contains("Exception:")).toList();
        assertEquals(List.of(), stackFrames);
    }
}
