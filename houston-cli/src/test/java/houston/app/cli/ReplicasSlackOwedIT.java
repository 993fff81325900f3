package houston.app.cli;

import houston.testkit.Eventually;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leader evacuates lab-a while Slack answers every post with 503, so the incident's messages wait
 * in its outbox; it is SIGKILLed and another replica leads. Slack answers again and the killed replica
 * restarts, as a follower, owing those messages: the leader posts them, once, in the incident's one
 * thread; the follower posts nothing. Each replica has a bot token of its own, so Slack tells who posted.
 */
class ReplicasSlackOwedIT {

    @AutoClose
    private ReplicaLab lab;
    private Path dir;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        lab = new ReplicaLab(dir);
    }

    private ReplicaProcess replica(int n) throws Exception {
        Path token = Files.writeString(dir.resolve("slack-token-" + n), "xoxb-replica-" + n);
        lab.extraConfig = "houston.slack { token-file = \"" + token + "\", max-attempts = 20 }\n";
        return lab.replica(n);
    }

    private String ledgerOf(int n) {
        try {
            return Files.readString(dir.resolve("replica-" + n).resolve("journal").resolve("slack-outbox.jsonl"));
        } catch (java.io.IOException notYet) {
            return "";
        }
    }

    /** Who posted what (each post's first line, and whether marked re-sent), for a failure's message. */
    private String posts() {
        java.util.function.Function<List<String>, List<String>> brief = texts -> texts.stream()
                .map(t -> t.lines().findFirst().orElse("").substring(0, 40) + (t.contains("re-sent") ? " [re-sent]" : "")).toList();
        return "all: " + brief.apply(lab.slack.postedTexts()) + "\nreplica-1: " + brief.apply(lab.slack.postedTexts("xoxb-replica-1"))
                + "\nreplica-2: " + brief.apply(lab.slack.postedTexts("xoxb-replica-2")) + "\nledger of replica-1 at the kill: "
                + ledgerAtKill + "\nreplica-2 said: " + lab.replicas.get(1).output().lines()
                .filter(l -> l.contains("Slack") || l.contains("handed") || l.contains("took over")).toList();
    }

    private String ledgerAtKill = "";

    private List<String> saying(String text) {
        return lab.slack.postedTexts().stream().filter(t -> t.contains(text)).toList();
    }

    @Test
    void whatAReplicaOwedWhenKilledIsPostedOnceByTheLeaderNotByItAsAFollower() throws Exception {
        lab.slack.failPosts();
        ReplicaProcess first = replica(1);
        Eventually.await(first::acting);
        ReplicaProcess second = replica(2);
        lab.broken.set(true);
        Eventually.within(Duration.ofSeconds(60)).showing(first::output).await("the evacuation owed to Slack",
                () -> ledgerOf(1).contains("lab-a evacuated: plan generation"));
        // Written to the shared state, the evacuation is not decided (and told) again by the next leader.
        Eventually.within(Duration.ofSeconds(30)).showing(first::output)
                .until("the evacuation in the shared state", lab::sharedLiveGeneration, live -> live >= 1);
        first.kill();
        ledgerAtKill = ledgerOf(1);
        Eventually.within(Duration.ofSeconds(60)).showing(second::output).await("the second replica leads", second::acting);

        lab.slack.answerPosts();
        ReplicaProcess restarted = replica(1);
        Eventually.within(Duration.ofSeconds(60)).showing(() -> lab.slack.postedTexts() + "\n" + restarted.output())
                .await("the owed evacuation posted", () -> !saying("lab-a evacuated: plan generation").isEmpty());

        assertEquals(List.of(), lab.slack.postedTexts("xoxb-replica-1"), "the restarted follower posted nothing");
        assertEquals(1, saying("lab-a evacuated: plan generation").size(), () -> "once: " + lab.slack.postedTexts());
        assertEquals(saying("lab-a evacuated: plan generation"), lab.slack.postedTexts("xoxb-replica-2").stream()
                .filter(t -> t.contains("lab-a evacuated: plan generation")).toList(), "posted by the leader");
        assertTrue(saying("lab-a evacuated: plan generation").get(0).contains("thread_ts="),
                () -> "in the incident's thread: " + saying("lab-a evacuated: plan generation"));
        // Counted among the posts Slack accepted: the first replica's refused attempts started nothing.
        assertEquals(1, lab.slack.postedTexts().stream().filter(t -> !t.contains("thread_ts=")).count(),
                () -> "one incident, one thread: " + posts());
        assertTrue(restarted.output().contains("replica replica-1 handed"), restarted::output);
    }
}
