package houston.ha;

import houston.core.engine.Overrides;
import houston.core.engine.PinTarget;
import houston.testkit.Eventually;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared state on a real ensemble: read back whole, fenced writes, commands applied once. */
class ZooKeeperSharedStateIT {

    private Ensemble zk;

    @BeforeEach
    void start() throws Exception {
        zk = new Ensemble();
    }

    @AfterEach
    void stop() throws Exception {
        zk.close();
    }

    private static HaSnapshot snapshot(String leader, long epoch) {
        Overrides pinned = Overrides.NONE.withPin("lab-a", new Overrides.PinOverride(PinTarget.EVACUATED, 9_000, "ops", "drill"))
                .withFreeze(5_000, "ops");
        return new HaSnapshot(leader, epoch, 1_000, 1_500, pinned, Map.of("lab-a", "lab-a@1000"), Map.of("lab-a@1000", "1700.01"),
                3, 2, Map.of("lab-a", Map.of("lab-b", 1.0)), java.util.List.of("lab-a"), 1_200,
                Map.of("lab-a", Map.of("lab-b", 0.5, "lab-a", 0.5)));
    }

    /** A replica that leads, on {@code client}. */
    private CuratorLeadership leader(CuratorFramework client) throws Exception {
        CuratorLeadership leader = zk.closeLater(new CuratorLeadership(client, "/houston/leader", "a",
                Duration.ofMillis(Ensemble.SESSION_MS)));
        leader.start(new CuratorLeadershipIT.Recorder());
        Eventually.await(leader::acting);
        return leader;
    }

    @Test
    void aSnapshotWrittenByTheLeaderIsReadBackWholeByEveryReplica() throws Exception {
        CuratorFramework leaderClient = zk.client();
        CuratorLeadership leader = leader(leaderClient);
        ZooKeeperSharedState mine = zk.closeLater(new ZooKeeperSharedState(leaderClient, "/houston"));
        ZooKeeperSharedState theirs = zk.closeLater(new ZooKeeperSharedState(zk.client(), "/houston"));
        theirs.start();

        boolean written = mine.write(snapshot("a", leader.epoch()), leader.fencePath());

        assertTrue(written);
        assertEquals(snapshot("a", leader.epoch()), theirs.read());
        Eventually.await(() -> theirs.cached().equals(snapshot("a", leader.epoch())));
        assertEquals(PinTarget.EVACUATED, theirs.read().overrides().pin("lab-a"));
    }

    @Test
    void aWriterWhoseElectionNodeIsGoneCannotWrite() throws Exception {
        CuratorFramework oldClient = zk.client();
        CuratorLeadership old = leader(oldClient);
        String staleFence = old.fencePath();
        ZooKeeperSharedState state = zk.closeLater(new ZooKeeperSharedState(oldClient, "/houston"));
        state.write(snapshot("a", 1), staleFence);
        old.close();

        boolean written = state.write(snapshot("a", 99), staleFence);

        assertFalse(written);
        assertEquals(1, state.read().epoch());
    }

    @Test
    void aCommandSubmittedAtAFollowerIsQueuedInOrderUntilASnapshotHoldingItIsWritten() throws Exception {
        CuratorFramework leaderClient = zk.client();
        CuratorLeadership leading = leader(leaderClient);
        ZooKeeperSharedState follower = zk.closeLater(new ZooKeeperSharedState(zk.client(), "/houston"));
        ZooKeeperSharedState leader = zk.closeLater(new ZooKeeperSharedState(leaderClient, "/houston"));
        follower.submit(Map.of("type", "pin", "location", "lab-a"));
        follower.submit(Map.of("type", "freeze"));

        List<ZooKeeperSharedState.Queued> queued = leader.pending();
        List<ZooKeeperSharedState.Queued> stillQueued = leader.pending();
        boolean written = leader.write(snapshot("a", leading.epoch()), leading.fencePath(),
                queued.stream().map(ZooKeeperSharedState.Queued::id).toList());

        assertEquals(List.of(Map.of("type", "pin", "location", "lab-a"), Map.of("type", "freeze")),
                queued.stream().map(ZooKeeperSharedState.Queued::command).toList());
        assertEquals(queued, stillQueued, "a command stays queued until its effect is in the shared snapshot");
        assertTrue(written);
        assertEquals(List.of(), leader.pending());
    }

    @Test
    void aLeaderThatDiesBetweenApplyingACommandAndWritingItLeavesItToTheNext() throws Exception {
        CuratorFramework oldClient = zk.client();
        CuratorLeadership old = leader(oldClient);
        ZooKeeperSharedState oldState = zk.closeLater(new ZooKeeperSharedState(oldClient, "/houston"));
        ZooKeeperSharedState follower = zk.closeLater(new ZooKeeperSharedState(zk.client(), "/houston"));
        follower.submit(Map.of("type", "pin", "location", "lab-a"));
        List<ZooKeeperSharedState.Queued> appliedByOld = oldState.pending();
        String staleFence = old.fencePath();
        old.close();

        boolean staleWrite = oldState.write(snapshot("a", 1), staleFence,
                appliedByOld.stream().map(ZooKeeperSharedState.Queued::id).toList());
        List<ZooKeeperSharedState.Queued> forTheNext = follower.pending();

        assertFalse(staleWrite);
        assertEquals(appliedByOld, forTheNext, "the next leader applies what the dead one never wrote");
    }

    @Test
    void slackMessagesHandedOverAreListedOldestFirstOnceEachUntilTaken() throws Exception {
        ZooKeeperSharedState follower = zk.closeLater(new ZooKeeperSharedState(zk.client(), "/houston"));
        ZooKeeperSharedState leader = zk.closeLater(new ZooKeeperSharedState(zk.client(), "/houston"));
        follower.owe("b-10-x", Map.of("text", "lab-a evacuated", "id", 10, "handedOverAt", 2_000));
        follower.owe("b-9-y", Map.of("text", "lab-a evacuating", "id", 9, "handedOverAt", 2_000));
        follower.owe("b-9-y", Map.of("text", "lab-a evacuating", "id", 9, "handedOverAt", 3_000));
        follower.owe("c-1-z", Map.of("text", "replica c cut off", "id", 1, "handedOverAt", 1_000));

        List<String> owed = leader.owedPosts().stream().map(o -> (String) o.message().get("text")).toList();
        leader.taken("b-9-y");
        leader.taken("b-9-y");

        assertEquals(List.of("replica c cut off", "lab-a evacuating", "lab-a evacuated"), owed);
        assertEquals(List.of("c-1-z", "b-10-x"), follower.owedPosts().stream().map(SharedSlackOwed.Owed::name).toList());
    }
}
