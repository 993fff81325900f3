package houston.app.cli;

import houston.app.bench.HoustonProcess;
import houston.app.wiring.SlackStandIn;
import houston.testkit.Eventually;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator evacuates lab-a while Slack answers every post with 503, so the pin and the incident's
 * opening messages wait in the outbox; the real {@code houston run} is SIGKILLed once the evacuation is
 * journaled and live, before anything reached Slack. Restarted with Slack answering, it posts what it
 * owed: the incident's thread opens once, with the operator's pin, the evacuation replies in it, and
 * nothing is posted twice, but for the one post that can have been in flight at the kill: Slack may have
 * it from the dead process, and gets it again marked re-sent.
 */
class SlackOwedAcrossSigkillIT {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.extension.RegisterExtension
    final CanarySites sites = new CanarySites(2);
    @org.junit.jupiter.api.extension.RegisterExtension
    final SlackStandIn slack = new SlackStandIn();
    private final SignedDaemonApi api = new SignedDaemonApi("slack-owed-across-sigkill-secret");

    private Path config() throws Exception {
        return api.config(dir, slack.settings(dir)
                // Generous probe limits: a loaded build machine must not make both locations suspect,
                // which would leave lab-a no receiver to be evacuated onto.
                + "houston.probes { interval = 200ms, jitter = 20ms, connect-timeout = 5s, timeout = 10s, "
                + "latency-objective = 5s }\n"
                + "houston.slack.max-attempts = 20\n", sites.port(0), sites.port(1));
    }

    private static String output(HoustonProcess d) {
        try {
            return d.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private List<String> saying(String text) {
        return slack.postedTexts().stream().filter(t -> t.contains(text)).toList();
    }

    @Test
    void whatWasDecidedButNotYetPostedIsPostedOnceAfterASigkill() throws Exception {
        Path conf = config();
        slack.failPosts();
        HoustonProcess first = HoustonProcess.run(conf, dir.resolve("run-1.log"), 0, Duration.ofSeconds(90));
        Eventually.await(() -> api.everyLocationScored(first.port()));
        api.command(first.port(), "evacuate lab-a for 1h kill mid");
        Eventually.within(Duration.ofSeconds(45)).showing(() -> api.status(first.port()).encode() + "\n" + output(first))
                .until("the evacuation journaled and live", () -> api.status(first.port()), s -> s.getJsonObject("pins",
                        new JsonObject()).containsKey("lab-a") && s.getLong("liveGeneration", 0L) >= 1);
        first.kill();
        List<String> beforeRestart = slack.postedTexts();
        assertEquals(List.of(), beforeRestart, () -> "Slack accepted nothing before the kill\n" + output(first));

        slack.answerPosts();
        HoustonProcess second = HoustonProcess.run(conf, dir.resolve("run-2.log"), 0, Duration.ofSeconds(90));
        Eventually.within(Duration.ofSeconds(30)).showing(() -> slack.postedTexts() + "\n" + output(second))
                .until("the owed messages posted", () -> saying("lab-a evacuated: plan generation 1"), posted -> !posted.isEmpty());
        second.terminate(Duration.ofSeconds(60));

        // The pin's post may have been in flight at the kill: written by the dead process, read by the stand-in
        // only after it was told to answer (a loaded machine). Slack then has it, and its owed copy, marked.
        assertEquals(1, saying("pinned evacuated by alice").stream().filter(t -> !t.contains("re-sent after a restart"))
                .count(), () -> "the opening message, once, and at most a copy marked re-sent: " + slack.postedTexts());
        assertTrue(saying("pinned evacuated by alice").size() <= 2, () -> "at most one copy marked re-sent: " + slack.postedTexts());
        assertTrue(!saying("pinned evacuated by alice").get(0).contains("thread_ts="), () -> "the pin opens the thread: "
                + saying("pinned evacuated by alice"));
        assertEquals(1, saying("lab-a evacuating").size(), () -> "the evacuation, once: " + slack.postedTexts());
        assertTrue(saying("lab-a evacuating").get(0).contains("thread_ts=" + SlackStandIn.THREAD_TS),
                () -> "the evacuation replies in it: " + saying("lab-a evacuating"));
        assertEquals(slack.postedTexts().size(), slack.postedTexts().stream().distinct().count(),
                () -> "nothing posted twice: " + slack.postedTexts());
        // Only the pin's post can have been in flight at the kill (the sender posts one message at a time,
        // and the first post is slow while the Slack client starts): it alone may carry the re-sent mark.
        assertTrue(slack.postedTexts().stream().filter(t -> !t.contains("pinned evacuated by alice"))
                        .noneMatch(t -> t.contains("re-sent after a restart")),
                () -> "Slack had refused them, so they are not marked re-sent: " + slack.postedTexts() + "\n" + output(first));
    }
}
