package houston.slack.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLinesOutboxLedgerTest {

    @TempDir
    Path dir;

    private final List<String> posted = new CopyOnWriteArrayList<>();

    private SlackOutbox outbox(SlackPoster poster) throws Exception {
        return outbox(poster, d -> { });
    }

    private SlackOutbox outbox(SlackPoster poster, SlackOutbox.Sleeper sleeper) throws Exception {
        return new SlackOutbox(poster, "C1", 10, 3, Duration.ZERO, sleeper,
                new JsonLinesOutboxLedger(dir.resolve("outbox.jsonl")));
    }

    private String record(String channel, String text, String blocks, String ts) {
        posted.add(text + (ts == null ? "" : " @" + ts) + " " + blocks);
        return "1.0";
    }

    private static SlackMessage message(String text) {
        return new SlackMessage(text, "[{\"type\":\"section\"}]", "inc-1", false);
    }

    @Test
    void messagesSlackRefusedBeforeAStopArePostedAfterTheRestartOnceAndUnmarked() throws Exception {
        SlackOutbox down = outbox((c, t, b, ts) -> {
            throw new DeliveryException(DeliveryException.Kind.TRANSIENT, Duration.ZERO, "HTTP 503");
        }, d -> new java.util.concurrent.CountDownLatch(1).await()); // a backoff that lasts until the stop interrupts it
        down.offer(message("lab-a evacuating"));
        down.offer(message("lab-a traffic shifting"));
        down.close(Duration.ofMillis(100));

        SlackOutbox up = outbox(this::record);
        up.close(Duration.ofSeconds(5));
        SlackOutbox again = outbox(this::record);
        again.close(Duration.ofSeconds(5));

        assertEquals(List.of("lab-a evacuating [{\"type\":\"section\"}]", "lab-a traffic shifting @1.0 [{\"type\":\"section\"}]"),
                posted);
    }

    @Test
    void aMessageWhosePostWasInFlightAtDeathIsPostedAgainMarkedResent() throws Exception {
        JsonLinesOutboxLedger before = new JsonLinesOutboxLedger(dir.resolve("outbox.jsonl"));
        before.posting(before.queued(message("lab-a evacuating")));

        SlackOutbox after = outbox(this::record);
        after.close(Duration.ofSeconds(5));

        assertEquals(1, posted.size(), posted::toString);
        assertTrue(posted.get(0).startsWith("lab-a evacuating (re-sent after a restart) [{\"type\":\"section\"},"
                + "{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",\"text\":\"(re-sent after a restart)\"}]}]"),
                posted.get(0));
    }

    @Test
    void aHalfWrittenLastLineIsSkippedAndWhatWasPostedIsNotPostedAgain() throws Exception {
        SlackOutbox first = outbox(this::record);
        first.offer(message("lab-a evacuating"));
        first.close(Duration.ofSeconds(5));
        Files.writeString(dir.resolve("outbox.jsonl"), "{\"id\":7,\"queued\":{\"te", java.nio.file.StandardOpenOption.APPEND);

        SlackOutbox second = outbox(this::record);
        second.close(Duration.ofSeconds(5));

        assertEquals(1, posted.size(), posted::toString);
        assertEquals(0, Files.readAllLines(dir.resolve("outbox.jsonl")).size(), "nothing owed, nothing kept");
    }
}
