package houston.app.cli;

import houston.testkit.Eventually;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rolling upgrade during an incident: each of three replicas in turn is stopped with SIGTERM and
 * started again on the same journal, the leader among them. lab-a has recovered by then, but it is
 * pinned evacuated and its up-hold is an hour: traffic must not move back, whoever leads. DNS
 * receives no generation twice (nothing at all after the evacuation), the pin holds, and the
 * incident keeps its one Slack thread.
 */
class ReplicasRollingRestartIT {

    private static final Duration UP = Duration.ofSeconds(60);

    @AutoClose
    private ReplicaLab lab;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        lab = new ReplicaLab(dir);
    }

    @Test
    void restartingEveryReplicaOneByOneMidIncidentMovesNoTrafficBackAndPublishesNothingTwice() throws Exception {
        List<ReplicaProcess> running = new ArrayList<>(List.of(lab.replica(1)));
        Eventually.await(running.get(0)::acting);
        running.add(lab.replica(2));
        running.add(lab.replica(3));
        lab.broken.set(true);
        Eventually.await(() -> liveGeneration(running.get(0)) >= 1);
        lab.command(running.get(1), "pin lab-a evacuated for 2h");
        Eventually.await(() -> "evacuated".equals(ReplicaLab.pinOf(running.get(0), "lab-a")));
        long generation = liveGeneration(running.get(0));
        List<Long> publishedBefore = List.copyOf(lab.published);
        lab.broken.set(false);

        List<Integer> exitCodes = new ArrayList<>();
        List<Long> leadersAfterEachRestart = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            exitCodes.add(running.get(n - 1).terminate());
            running.set(n - 1, lab.replica(n));
            ReplicaProcess restarted = running.get(n - 1);
            Eventually.await(UP, () -> connected(restarted) && ReplicaProcess.acting(running) == 1);
            leadersAfterEachRestart.add(ReplicaProcess.acting(running));
        }
        ReplicaProcess leader = running.stream().filter(ReplicaProcess::acting).findFirst().orElseThrow();
        // A few ticks under the last leader: time for a wrong decision to reach DNS.
        Thread.sleep(5 * ReplicaLab.TICK.toMillis());

        assertEquals(List.of(0, 0, 0), exitCodes, "each replica stopped cleanly");
        assertEquals(List.of(1L, 1L, 1L), leadersAfterEachRestart, "one leader after every restart");
        assertEquals(1, ReplicaProcess.acting(running));
        assertEquals(publishedBefore, lab.published, "DNS received nothing after the evacuation: no move back, no repeat");
        assertEquals(lab.published.stream().distinct().toList(), lab.published);
        assertEquals(generation, liveGeneration(leader), leader.status().encode());
        assertEquals("evacuated", ReplicaLab.pinOf(leader, "lab-a"), "the pin survives three restarts");
        assertEquals(1, lab.incidentThreads().size(), "one incident, one thread: " + lab.incidentThreads());
        assertTrue(lab.owner().contains("generation=" + generation), lab.owner());
        assertEquals(List.of(), dashboardReplicaMetricsMissingFrom(leader), "the dashboard's houston_ha_* metrics exist");
    }

    @Test
    void aLeaderRestartedOnAnEnsembleThatLostTheSharedStateKeepsThePinAndFreezeOfItsJournal() throws Exception {
        ReplicaProcess first = lab.replica(1);
        Eventually.await(first::acting);
        lab.broken.set(true);
        Eventually.await(() -> liveGeneration(first) >= 1);
        lab.command(first, "pin lab-a evacuated for 2h");
        lab.command(first, "freeze for 30m");
        Eventually.await(() -> "evacuated".equals(ReplicaLab.pinOf(first, "lab-a")) && first.status().getValue("frozenUntil") != null);
        // Both written to the shared state (and gone from the queue): only the journal and the snapshot hold them.
        Eventually.await(() -> lab.queuedCommands() == 0);
        JsonObject before = first.status();
        lab.broken.set(false);
        int exit = first.terminate();
        lab.loseSharedState();

        ReplicaProcess again = lab.replica(1);
        Eventually.await(UP, again::acting);
        Thread.sleep(2 * ReplicaLab.TICK.toMillis());
        JsonObject after = again.status();

        assertEquals(0, exit);
        assertEquals(before.getJsonObject("pins"), after.getJsonObject("pins"), "the journal's pin, expiry and all");
        assertEquals(before.getString("frozenUntil"), after.getString("frozenUntil"), "the journal's freeze and its expiry");
        assertEquals(before.getLong("liveGeneration"), after.getLong("liveGeneration"), after.encode());
    }

    /** Names of houston_ha_* metrics the shipped dashboard queries that {@code r}'s /metrics does not expose. */
    private static List<String> dashboardReplicaMetricsMissingFrom(ReplicaProcess r) throws Exception {
        String dashboard = Files.readString(Path.of("..", "config", "dashboards", "houston.json"));
        String exposed = r.send(r.request("/metrics")).body();
        List<String> named = Pattern.compile("houston_ha_\\w+").matcher(dashboard).results().map(MatchResult::group)
                .distinct().toList();
        assertTrue(named.size() >= 4, "replica metrics on the dashboard: " + named);
        return named.stream().filter(name -> !Pattern.compile("(?m)^" + name + "[{ ]").matcher(exposed).find()).toList();
    }

    private static long liveGeneration(ReplicaProcess r) {
        JsonObject s = r.status();
        Long live = s == null ? null : s.getLong("liveGeneration");
        return live == null ? -1 : live;
    }

    private static boolean connected(ReplicaProcess r) {
        JsonObject s = r.status();
        return s != null && "CONNECTED RECONNECTED".contains(s.getJsonObject("ha").getString("connection"));
    }
}
