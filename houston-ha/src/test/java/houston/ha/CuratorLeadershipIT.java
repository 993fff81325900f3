package houston.ha;

import houston.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leadership on a real three-server ensemble: one acts, hand-over, partition, quorum loss. */
class CuratorLeadershipIT {

    private static final java.time.Duration QUORUM_CHANGE = java.time.Duration.ofSeconds(45);

    static {
        // ZooKeeper deletes an empty container znode (the election's parent) on this period, a
        // minute by default: short here, so "every session expired" also loses the election's numbering.
        System.setProperty("znode.container.checkIntervalMs", "200");
    }

    private Ensemble zk;

    /** Records what the replica was told, in order. */
    static class Recorder implements Leadership.Role {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void takeOver(long epoch) throws Exception {
            events.add("takeOver " + epoch);
        }

        @Override
        public void stepDown(String why) {
            events.add("stepDown");
        }

        @Override
        public void coordinationLost(String why) {
            events.add("lost");
        }

        @Override
        public String toString() {
            return events.toString();
        }

        long count(String prefix) {
            return events.stream().filter(e -> e.startsWith(prefix)).count();
        }
    }

    /** A stand-in for the DNS fence: a claim below the live epoch is refused, as Route 53 would refuse it. */
    static final class Fenced extends Recorder {
        final java.util.concurrent.atomic.AtomicLong fence;

        Fenced(java.util.concurrent.atomic.AtomicLong fence) {
            this.fence = fence;
        }

        @Override
        public synchronized void takeOver(long epoch) throws StaleEpochException {
            long live = fence.get();
            if (epoch < live) {
                events.add("refused " + epoch);
                throw new StaleEpochException(epoch, live);
            }
            fence.set(epoch);
            events.add("takeOver " + epoch);
        }

        @Override
        public void takeOverFailing(String why) {
            events.add("failing");
        }
    }

    @BeforeEach
    void start() throws Exception {
        zk = new Ensemble();
    }

    @AfterEach
    void stop() throws Exception {
        zk.close();
    }

    private CuratorLeadership replica(String id, String connect, Recorder role) throws Exception {
        CuratorLeadership l = zk.closeLater(new CuratorLeadership(zk.client(connect), "/houston/leader", id,
                java.time.Duration.ofMillis(Ensemble.SESSION_MS)));
        l.start(role);
        return l;
    }

    private static long acting(CuratorLeadership... replicas) {
        return Stream.of(replicas).filter(CuratorLeadership::acting).count();
    }

    @Test
    void exactlyOneActsAndClosingItHandsOverAtAHigherEpoch() throws Exception {
        Recorder ra = new Recorder();
        CuratorLeadership a = replica("a", zk.cluster.getConnectString(), ra);
        Eventually.await(a::acting);
        CuratorLeadership b = replica("b", zk.cluster.getConnectString(), new Recorder());
        CuratorLeadership c = replica("c", zk.cluster.getConnectString(), new Recorder());
        Thread.sleep(500);
        long first = a.epoch();

        a.close();
        Eventually.await(() -> acting(b, c) == 1);

        CuratorLeadership next = b.acting() ? b : c;
        assertEquals(1, acting(a, b, c));
        assertTrue(next.epoch() > first, next.epoch() + " > " + first);
        assertEquals(List.of("takeOver " + first), ra.events);
    }

    @Test
    void aLeaderCutOffFromTheEnsembleStopsActingBeforeAnotherIsElected() throws Exception {
        Recorder ra = new Recorder();
        TcpProxy partition = zk.closeLater(new TcpProxy(zk.server(0).getPort()));
        CuratorLeadership a = replica("a", partition.connectString(), ra);
        Eventually.await(a::acting);
        CuratorLeadership b = replica("b", zk.cluster.getConnectString(), new Recorder());
        CuratorLeadership c = replica("c", zk.cluster.getConnectString(), new Recorder());
        long first = a.epoch();

        partition.cut();
        Eventually.await(() -> !a.acting());
        boolean nobodyElectedYet = acting(b, c) == 0;
        Eventually.await(() -> acting(b, c) == 1);

        assertTrue(nobodyElectedYet, "the old leader stopped before a new one could be elected");
        assertFalse(a.acting());
        assertTrue((b.acting() ? b : c).epoch() > first);
        assertEquals("stepDown", ra.events.get(1));
    }

    @Test
    void aReplicaWhoseClientConnectedBeforeItJoinedNeitherPagesNorSaysConnecting() throws Exception {
        org.apache.curator.framework.CuratorFramework client = zk.client();
        assertTrue(client.blockUntilConnected(30, java.util.concurrent.TimeUnit.SECONDS));
        Recorder r = new Recorder();
        CuratorLeadership a = zk.closeLater(new CuratorLeadership(client, "/houston/leader", "a",
                java.time.Duration.ofMillis(Ensemble.SESSION_MS)));

        a.start(r);
        Eventually.await(a::acting);
        Thread.sleep(2 * Ensemble.SESSION_MS);

        assertEquals("CONNECTED", a.connection());
        assertEquals(0, r.count("lost"), r.events.toString());
    }

    @Test
    void aReplicaStartedWhileTheEnsembleHasNoQuorumPagesOnceASessionLater() throws Exception {
        zk.cluster.killServer(zk.server(1));
        zk.cluster.killServer(zk.server(2));
        Recorder r = new Recorder();
        long started = System.nanoTime();

        CuratorLeadership a = replica("a", zk.cluster.getConnectString(), r);
        Eventually.await(QUORUM_CHANGE, () -> r.count("lost") == 1, () -> r.events.toString());
        long pagedAfter = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Thread.sleep(2 * Ensemble.SESSION_MS);

        assertFalse(a.acting());
        assertEquals(List.of("lost"), r.events, "paged once, never acted");
        assertTrue(pagedAfter >= Ensemble.SESSION_MS, "not before a session: " + pagedAfter + " ms");
    }

    @Test
    void losingQuorumStopsEveryoneAlertsOnceEachAndOneLeaderComesBack() throws Exception {
        Recorder ra = new Recorder();
        Recorder rb = new Recorder();
        Recorder rc = new Recorder();
        CuratorLeadership a = replica("a", zk.cluster.getConnectString(), ra);
        CuratorLeadership b = replica("b", zk.cluster.getConnectString(), rb);
        CuratorLeadership c = replica("c", zk.cluster.getConnectString(), rc);
        Eventually.await(() -> acting(a, b, c) == 1);

        zk.cluster.killServer(zk.server(1));
        zk.cluster.killServer(zk.server(2));
        Eventually.await(() -> acting(a, b, c) == 0);
        // Each replica pages after a session length cut off; restarted servers must first elect among
        // themselves and the clients reconnect with backoff: generous deadlines for a busy 2-core machine.
        Eventually.await(QUORUM_CHANGE, () -> Stream.of(ra, rb, rc).allMatch(r -> r.count("lost") == 1),
                () -> ra.events + " " + rb.events + " " + rc.events);
        zk.cluster.restartServer(zk.server(1));
        zk.cluster.restartServer(zk.server(2));
        Eventually.await(QUORUM_CHANGE, () -> acting(a, b, c) == 1);
        long takeovers = Stream.of(ra, rb, rc).mapToLong(r -> r.count("takeOver")).sum();
        Thread.sleep(2 * Ensemble.SESSION_MS);

        assertEquals(1, acting(a, b, c));
        assertEquals(takeovers, Stream.of(ra, rb, rc).mapToLong(r -> r.count("takeOver")).sum(), "no flap");
        assertTrue(Stream.of(ra, rb, rc).allMatch(r -> r.count("lost") == 1), ra.events + " " + rb.events + " " + rc.events);
    }

    @Test
    void afterEverySessionExpiredTheNextLeaderActsAboveTheEpochTheFenceHolds() throws Exception {
        java.util.concurrent.atomic.AtomicLong fence = new java.util.concurrent.atomic.AtomicLong();
        List<TcpProxy> links = new java.util.ArrayList<>();
        List<CuratorLeadership> replicas = new java.util.ArrayList<>();
        List<Fenced> roles = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            links.add(zk.closeLater(new TcpProxy(zk.server(i).getPort())));
            roles.add(new Fenced(fence));
            replicas.add(replica("r" + i, links.get(i).connectString(), roles.get(i)));
        }
        CuratorLeadership[] all = replicas.toArray(CuratorLeadership[]::new);
        Eventually.await(() -> acting(all) == 1);
        CuratorLeadership first = replicas.stream().filter(CuratorLeadership::acting).findFirst().orElseThrow();
        links.get(replicas.indexOf(first)).cut();
        Eventually.await(QUORUM_CHANGE, () -> acting(all) == 1 && fence.get() > 1);
        long live = fence.get();
        org.apache.curator.framework.CuratorFramework observer = zk.client();

        links.forEach(TcpProxy::cut);
        // Every session expires, and with the last election node ZooKeeper removes the election's parent.
        Eventually.await(QUORUM_CHANGE, () -> absent(observer, "/houston/leader"));
        links.forEach(TcpProxy::resume);
        Eventually.await(QUORUM_CHANGE, () -> acting(all) == 1, () -> roles.toString());

        CuratorLeadership next = replicas.stream().filter(CuratorLeadership::acting).findFirst().orElseThrow();
        assertTrue(next.epoch() > live, next.epoch() + " > " + live);
        assertEquals(next.epoch(), fence.get(), "the new leader holds the fence");
        Eventually.await(QUORUM_CHANGE, () -> replicas.stream().allMatch(r -> r.connection().equals("CONNECTED")),
                () -> replicas.stream().map(CuratorLeadership::connection).toList().toString());
    }

    @Test
    void aFenceHoldingAnEpochIssuedBeforeTheCounterIsReadBackAndGoneAbove() throws Exception {
        java.util.concurrent.atomic.AtomicLong fence = new java.util.concurrent.atomic.AtomicLong(100);
        Fenced role = new Fenced(fence);

        CuratorLeadership a = replica("a", zk.cluster.getConnectString(), role);
        Eventually.await(a::acting);

        assertEquals(101, a.epoch());
        assertEquals(List.of("refused 1", "takeOver 101"), role.events, "retried at once, no page");
        assertEquals(null, a.takeoverProblem());
    }

    private static boolean absent(org.apache.curator.framework.CuratorFramework client, String path) {
        try {
            return client.checkExists().forPath(path) == null;
        } catch (Exception e) {
            return false;
        }
    }
}
