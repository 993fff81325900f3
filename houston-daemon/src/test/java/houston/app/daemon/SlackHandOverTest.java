package houston.app.daemon;

import houston.ha.SharedSlackOwed;
import houston.slack.notify.JsonLinesOutboxLedger;
import houston.slack.notify.OutboxLedger;
import houston.slack.notify.SlackMessage;
import houston.slack.notify.SlackOutbox;
import houston.testkit.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A replica restarted as a follower owes Slack what its ledger held: the leader posts it, in the
 * incident's thread the leader knows, and the follower posts nothing.
 */
class SlackHandOverTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T06:00:00Z"));
    private final InZooKeeper shared = new InZooKeeper();
    private final List<String> followerPosted = new CopyOnWriteArrayList<>();
    private final List<String> leaderPosted = new CopyOnWriteArrayList<>();

    /** The shared state's contract, kept in memory: a name handed over twice is owed once. */
    private static final class InZooKeeper implements SharedSlackOwed {
        final Map<String, Map<String, Object>> owed = new LinkedHashMap<>();

        @Override
        public synchronized void owe(String name, Map<String, Object> message) {
            owed.putIfAbsent(name, message);
        }

        @Override
        public synchronized List<Owed> owedPosts() {
            List<Owed> list = new ArrayList<>();
            owed.forEach((name, m) -> list.add(new Owed(name, m)));
            return list;
        }

        @Override
        public synchronized void taken(String name) {
            owed.remove(name);
        }
    }

    private SlackOutbox outbox(String name, List<String> posted) throws Exception {
        return new SlackOutbox((c, text, b, ts) -> {
            posted.add(text + (ts == null ? "" : " @" + ts));
            return "1700.01";
        }, "C1", 10, 3, Duration.ZERO, d -> { }, new JsonLinesOutboxLedger(dir.resolve(name + ".jsonl")), false);
    }

    private void owedBy(String name, boolean lastInFlight) throws Exception {
        JsonLinesOutboxLedger before = new JsonLinesOutboxLedger(dir.resolve(name + ".jsonl"));
        before.queued(new SlackMessage("lab-a evacuating", "[]", "inc-1", false));
        long second = before.queued(new SlackMessage("lab-a evacuated", "[]", "inc-1", false));
        if (lastInFlight) {
            before.posting(second);
        }
    }

    @Test
    void whatAFollowerOwedFromBeforeItsRestartIsPostedByTheLeaderInTheIncidentsThread() throws Exception {
        owedBy("follower", true);
        SlackOutbox follower = outbox("follower", followerPosted);
        SlackOutbox leader = outbox("leader", leaderPosted);
        leader.restoreThreads(Map.of("inc-1", "1690.00"));

        new SlackHandOver("replica-b", shared, follower, clock).handOver();
        new SlackHandOver("replica-a", shared, leader, clock).postHandedOver();
        Eventually.until("the leader posted both", Eventually.DEFAULT, leaderPosted::size, n -> n >= 2);
        follower.close(Duration.ofSeconds(1));
        leader.close(Duration.ofSeconds(5));

        assertEquals(List.of("lab-a evacuating @1690.00", "lab-a evacuated (re-sent after a restart) @1690.00"), leaderPosted);
        assertEquals(List.of(), followerPosted);
        assertEquals(Map.of(), shared.owed, "taken from the shared state");
        assertEquals(List.of(), new JsonLinesOutboxLedger(dir.resolve("follower.jsonl")).owed(), "the follower owes nothing");
        assertEquals(List.of(), new JsonLinesOutboxLedger(dir.resolve("leader.jsonl")).owed(), "the leader posted them");
    }

    @Test
    void aFollowerKilledAfterHandingOverBeforeItsLedgerSaidSoOwesEachMessageOnce() throws Exception {
        owedBy("follower", false);
        SlackOutbox killed = outbox("follower", followerPosted);
        SlackHandOver handOver = new SlackHandOver("replica-b", shared, killed, clock);
        handOver.handOver();
        killed.close(Duration.ZERO);
        owedBy("again", false);
        SlackOutbox restarted = outbox("again", followerPosted);

        clock.now = clock.now.plusSeconds(30);
        new SlackHandOver("replica-b", shared, restarted, clock).handOver();
        restarted.close(Duration.ZERO);

        assertEquals(List.of("lab-a evacuating", "lab-a evacuated"),
                shared.owedPosts().stream().map(o -> o.message().get("text")).toList());
        assertEquals(List.of(), followerPosted);
    }

    @Test
    void aLeaderWhoseOutboxIsClosedLeavesWhatWasHandedOverForTheNextLeader() throws Exception {
        owedBy("follower", false);
        new SlackHandOver("replica-b", shared, outbox("follower", followerPosted), clock).handOver();
        SlackOutbox closed = outbox("leader", leaderPosted);
        closed.close(Duration.ZERO);

        new SlackHandOver("replica-a", shared, closed, clock).postHandedOver();

        assertEquals(2, shared.owed.size());
        assertEquals(List.of(), leaderPosted);
    }
}
