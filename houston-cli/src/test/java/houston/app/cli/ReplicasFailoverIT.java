package houston.app.cli;

import houston.ha.Ensemble;
import houston.ha.TcpProxy;
import houston.testkit.Eventually;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three {@code houston run} processes as replicas on a real three-server ZooKeeper ensemble, one
 * Route 53 (the stand-in, through the real AWS SDK) and one Slack (the stand-in). The leader is
 * SIGKILLed in the middle of an evacuation: another replica leads and ticks within the session
 * timeout (plus the one ZooKeeper tick by which a server rounds up session expiry) plus two ticks, DNS never receives a generation twice, the pin set through a follower
 * still holds, and the incident keeps its one Slack thread.
 */
// Measures what a second JVM running ITs beside it would distort: runs alone (the parent pom.xml).
@Tag("load-sensitive")
class ReplicasFailoverIT {

    @AutoClose
    private ReplicaLab lab;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        lab = new ReplicaLab(dir);
    }

    @Test
    void killingTheLeaderMidEvacuationHandsOverWithinSessionPlusTwoTicksWithoutRepublishingOrASecondThread()
            throws Exception {
        ReplicaProcess first = lab.replica(1);
        Eventually.await(first::acting);
        ReplicaProcess second = lab.replica(2);
        ReplicaProcess third = lab.replica(3);
        Thread.sleep(1500);
        lab.broken.set(true);
        Eventually.await(() -> first.status().getLong("liveGeneration") >= 1);
        lab.command(second, "pin lab-a evacuated for 2h");
        Eventually.await(() -> "evacuated".equals(ReplicaLab.pinOf(first, "lab-a")));
        // Written to the shared state and gone from the queue: the next leader reads the pin, it does not apply it again.
        Eventually.await(() -> lab.queuedCommands() == 0);
        JsonObject overridesBefore = first.status();
        long epochBefore = first.status().getJsonObject("ha").getLong("epoch");
        long generationBefore = first.status().getLong("liveGeneration");
        List<Long> publishedBefore = List.copyOf(lab.published);

        long killed = System.nanoTime();
        first.kill();
        System.out.println("killed the leader at " + Instant.now());
        // Accepted while nobody leads: queued until the next leader applies it, its 30 minutes counted from now.
        Instant freezeSent = Instant.now();
        lab.command(third, "freeze for 30m");
        List<ReplicaProcess> survivors = List.of(second, third);
        long ticked = 0;
        ReplicaProcess leader = null;
        long tickAtTakeover = -1;
        while (System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(30) && ticked == 0) {
            for (ReplicaProcess r : survivors) {
                JsonObject s = r.status();
                if (s != null && s.getJsonObject("ha").getBoolean("acting")) {
                    if (leader == null) {
                        leader = r;
                        tickAtTakeover = s.getLong("tick");
                    } else if (r == leader && s.getLong("tick") > tickAtTakeover) {
                        ticked = System.nanoTime() - killed;
                    }
                }
            }
            Thread.sleep(50);
        }
        ReplicaProcess newLeader = leader;
        if (newLeader != null) {
            Eventually.await(() -> newLeader.status().getValue("frozenUntil") != null);
        }
        JsonObject frozenAfter = leader == null ? null : leader.status();
        if (leader != null) {
            // The freeze alone would keep the new leader from publishing: lifted, the plan it continues is DNS's.
            lab.command(leader, "unfreeze");
        }
        Thread.sleep(3000);
        JsonObject after = leader == null ? null : leader.status();

        assertTrue(leader != null && ticked > 0, "a survivor leads and ticks: " + second.output() + third.output());
        Duration handover = Duration.ofNanos(ticked);
        // Session timeout + 2 ticks is 8 s; on a loaded 2-core machine with three replica JVMs and the
        // ensemble the takeover itself has measured up to ~2 s more, so the bound asserted is the 15 s
        // promised with the defaults, and the figure is printed.
        Duration bound = Duration.ofSeconds(15);
        assertTrue(handover.compareTo(bound) <= 0, "hand-over took " + handover + ", more than " + bound + "\n"
                + second.output().lines().filter(l -> l.contains("CuratorLeadership") || l.contains("Replication")).toList()
                + "\n" + third.output().lines().filter(l -> l.contains("CuratorLeadership") || l.contains("Replication")).toList());
        assertEquals(1, ReplicaProcess.acting(survivors), "exactly one survivor acts");
        assertTrue(after.getJsonObject("ha").getLong("epoch") > epochBefore, after.encode());
        assertEquals(generationBefore, after.getLong("liveGeneration"), "nothing republished: " + after.encode());
        assertEquals(publishedBefore, lab.published, "DNS received no generation twice");
        assertEquals(lab.published.stream().distinct().toList(), lab.published);
        assertEquals(overridesBefore.getJsonObject("pins"), frozenAfter.getJsonObject("pins"),
                "the pin set through a follower, its expiry and author, read from the shared state");
        // Counted from when it was sent, the freeze's 30 minutes start before the new leader took over (a session
        // after the kill at least); counted from when it was applied, they would start after.
        Instant freezeCountsFrom = Instant.parse(frozenAfter.getString("frozenUntil")).minus(Duration.ofMinutes(30));
        Instant takenOver = Instant.parse(frozenAfter.getJsonObject("ha").getString("since"));
        assertTrue(!freezeCountsFrom.isBefore(freezeSent) && freezeCountsFrom.isBefore(takenOver),
                "a freeze sent while nobody leads counts its 30 minutes from " + freezeCountsFrom + ": sent at " + freezeSent
                        + ", the new leader took over at " + takenOver);
        assertEquals(null, after.getString("frozenUntil"), "the unfreeze sent to the new leader applied");
        assertEquals("evacuated", ReplicaLab.pinOf(leader, "lab-a"), "the pin set through a follower still holds");
        // The freeze and unfreeze are said in the channel, outside any incident.
        List<String> aboutLabA = lab.incidentThreads().stream().filter(m -> m.contains("lab-a")).toList();
        assertEquals(1, aboutLabA.size(), "one incident, one thread: " + lab.incidentThreads());
        System.out.println("leader hand-over after SIGKILL: " + handover.toMillis() + " ms (session " + ReplicaLab.SESSION.toMillis()
                + " ms + ZooKeeper tick " + Ensemble.TICK_MS + " ms + 2 ticks of " + ReplicaLab.TICK.toMillis() + " ms)");
    }

    @Test
    void aReplicaStartedWhileZooKeeperIsUnreachableServesAsAFollowerPagesOnceAndLeadsWhenTheEnsembleIsBack()
            throws Exception {
        TcpProxy unreachable = new TcpProxy(new ArrayList<>(lab.zookeeper.getInstances()).get(0).getPort());
        unreachable.cut();
        ReplicaProcess alone = lab.replica(1, unreachable.connectString());
        Eventually.await(() -> alone.status() != null);
        JsonObject cutOff = alone.status().getJsonObject("ha");
        // Cut off for a session (6 s) since it started, it pages; it keeps trying all along.
        Eventually.await(Duration.ofSeconds(30), () -> lab.cutOffAlerts() >= 1);
        Thread.sleep(2 * ReplicaLab.TICK.toMillis());
        JsonObject stillCutOff = alone.status().getJsonObject("ha");
        List<Long> publishedWhileCutOff = List.copyOf(lab.published);
        unreachable.resume();
        Eventually.await(Duration.ofSeconds(30), alone::acting);

        assertEquals(false, cutOff.getBoolean("acting"), cutOff.encode());
        assertEquals("CONNECTING", stillCutOff.getString("connection"), stillCutOff.encode());
        assertEquals(false, stillCutOff.getBoolean("acting"));
        assertEquals(List.of(), publishedWhileCutOff, "nothing published while no leader could be elected");
        assertEquals(1, lab.cutOffAlerts(), "one page for the outage: " + lab.slack.threadStarts());
        assertTrue(lab.owner().contains("writer=replica-1 "), "it claimed the fence once elected: " + lab.owner());
        assertTrue(alone.output().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + alone.output());
        assertTrue(alone.output().lines().anyMatch(l -> l.contains("WARN") && l.contains("cut off from ZooKeeper for 6s")),
                "the page in its log too, in one line: " + alone.output());
        unreachable.close();
    }

    @Test
    void aPartitionedLeaderStopsTheNextClaimsTheFenceAndWithoutQuorumNobodyActsAndEveryoneAlerts() throws Exception {
        TcpProxy partition = new TcpProxy(new ArrayList<>(lab.zookeeper.getInstances()).get(0).getPort());
        ReplicaProcess first = lab.replica(1, partition.connectString());
        Eventually.await(first::acting);
        ReplicaProcess second = lab.replica(2);
        ReplicaProcess third = lab.replica(3);
        long epochBefore = first.status().getJsonObject("ha").getLong("epoch");
        String fenceBefore = lab.owner();

        partition.cut();
        Eventually.await(() -> !first.acting());
        boolean nobodyYet = ReplicaProcess.acting(List.of(second, third)) == 0;
        Eventually.await(() -> ReplicaProcess.acting(List.of(second, third)) == 1);
        Eventually.await(() -> !lab.owner().equals(fenceBefore));
        String fenced = lab.owner();
        // Cut off for longer than a session (counted from when it noticed), the partitioned replica pages
        // (it can still reach Slack); the partition lasts until it has.
        Eventually.await(Duration.ofSeconds(30), () -> lab.cutOffAlerts() >= 1);
        int pagedWhilePartitioned = lab.cutOffAlerts();
        partition.resume();
        Eventually.await(() -> "CONNECTED RECONNECTED".contains(first.status().getJsonObject("ha").getString("connection")));
        Thread.sleep(2000);
        long actingAfterHeal = ReplicaProcess.acting(lab.replicas);
        List<org.apache.curator.test.InstanceSpec> servers = new ArrayList<>(lab.zookeeper.getInstances());
        lab.zookeeper.killServer(servers.get(1));
        lab.zookeeper.killServer(servers.get(2));
        Eventually.await(() -> ReplicaProcess.acting(lab.replicas) == 0);
        long quorumLostAt = System.nanoTime();
        int alerts = Eventually.until("a page from every replica without quorum", Duration.ofSeconds(30),
                lab::cutOffAlerts, paged -> paged >= pagedWhilePartitioned + 3) - pagedWhilePartitioned;
        List<Long> publishedWithoutQuorum = List.copyOf(lab.published);
        lab.zookeeper.restartServer(servers.get(1));
        lab.zookeeper.restartServer(servers.get(2));
        Eventually.until("one leader once quorum is back", Duration.ofSeconds(30),
                () -> ReplicaProcess.acting(lab.replicas), acting -> acting == 1);
        Thread.sleep(3000);

        assertTrue(nobodyYet, "the partitioned leader stopped before anyone else was elected");
        assertTrue(fenced.contains("epoch="), fenced);
        assertTrue(!fenced.contains("writer=replica-1 "), "the new leader claimed the fence: " + fenced);
        assertTrue(Long.parseLong(fenced.replaceAll(".*epoch=(\\d+).*", "$1")) > epochBefore, fenced);
        assertEquals(1, actingAfterHeal, "the healed replica follows");
        assertEquals(1, pagedWhilePartitioned, "only the cut-off replica paged during the partition");
        assertEquals(3, alerts, "every replica pages once when the ensemble has no quorum");
        assertTrue(System.nanoTime() - quorumLostAt < TimeUnit.SECONDS.toNanos(30));
        assertEquals(publishedWithoutQuorum, lab.published, "nothing published without quorum");
        assertEquals(1, ReplicaProcess.acting(lab.replicas), "quorum back: one leader");
        assertEquals(pagedWhilePartitioned + 3, lab.cutOffAlerts(), "no second page per replica and outage");
    }
}
