package houston.slack.notify;

import houston.testkit.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SlackOutboxTest {

    @TempDir
    Path dir;

    private static final SlackMessage HELLO = new SlackMessage("hello", "[]", null, false);

    @Test
    void fullOutboxRefusesAndCountsInsteadOfBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SlackOutbox outbox = new SlackOutbox((channel, text, blocks, ts) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "1.0";
        }, "C1", 2, 3, Duration.ZERO, d -> { });
        outbox.offer(HELLO);
        while (outbox.queued() > 0) {
            Thread.onSpinWait();
        }
        outbox.offer(HELLO);
        outbox.offer(HELLO);

        boolean accepted = outbox.offer(HELLO);

        assertFalse(accepted);
        assertEquals(1, outbox.undelivered());
        release.countDown();
        outbox.close(Duration.ofSeconds(5));
    }

    @Test
    void closingWithinZeroReturnsAtOnceAndLeavesWhatIsOwedInTheLedger() throws Exception {
        Path file = dir.resolve("outbox.jsonl");
        SlackOutbox outbox = new SlackOutbox((c, t, b, ts) -> {
            throw new DeliveryException(DeliveryException.Kind.TRANSIENT, Duration.ZERO, "HTTP 503");
        }, "C1", 10, 5, Duration.ofMinutes(1), d -> new CountDownLatch(1).await(), // a backoff that lasts until close interrupts it
                new JsonLinesOutboxLedger(file));
        outbox.offer(HELLO);
        outbox.offer(new SlackMessage("world", "[]", null, false));

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> outbox.close(Duration.ZERO));

        List<OutboxLedger.Owed> owed = new JsonLinesOutboxLedger(file).owed();
        assertEquals(List.of("hello", "world"), owed.stream().map(o -> o.message().text()).toList());
        assertEquals(List.of(false, false), owed.stream().map(OutboxLedger.Owed::maybePosted).toList());
    }

    @Test
    void anUnexpectedExceptionFromThePosterIsRetriedAndTheSenderLivesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> posted = new CopyOnWriteArrayList<>();
        List<Duration> waits = new CopyOnWriteArrayList<>();
        SlackOutbox outbox = new SlackOutbox((c, text, b, ts) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the SDK could not parse Slack's answer");
            }
            posted.add(text);
            return "1.0";
        }, "C1", 10, 3, Duration.ofSeconds(2), waits::add);

        outbox.offer(HELLO);
        Eventually.until("hello posted on the second attempt", Eventually.DEFAULT, posted::size, n -> n >= 1);
        outbox.offer(new SlackMessage("world", "[]", null, false));
        Eventually.until("world posted after it", Eventually.DEFAULT, posted::size, n -> n >= 2);
        outbox.close(Duration.ofSeconds(5));

        assertEquals(List.of("hello", "world"), posted);
        assertEquals(List.of(Duration.ofSeconds(2)), waits, "backed off as for a transient failure");
        assertEquals(1, outbox.failedAttempts());
        assertEquals(2, outbox.delivered());
        assertEquals(0, outbox.undelivered());
    }

    @Test
    void aPosterThatKeepsThrowingIsGivenUpAfterMaxAttemptsAndTheNextMessageStillGoes() throws Exception {
        List<String> posted = new CopyOnWriteArrayList<>();
        SlackOutbox outbox = new SlackOutbox((c, text, b, ts) -> {
            if (text.equals("hello")) {
                throw new NullPointerException();
            }
            posted.add(text);
            return "1.0";
        }, "C1", 10, 3, Duration.ZERO, d -> { });

        outbox.offer(HELLO);
        outbox.offer(new SlackMessage("world", "[]", null, false));
        Eventually.until("world posted", Eventually.DEFAULT, posted::size, n -> n >= 1);
        outbox.close(Duration.ofSeconds(5));

        assertEquals(List.of("world"), posted);
        assertEquals(3, outbox.failedAttempts());
        assertEquals(1, outbox.undelivered());
    }
}
