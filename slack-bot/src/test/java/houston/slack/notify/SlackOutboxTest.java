package houston.slack.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SlackOutboxTest {

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
        SlackMessage m = new SlackMessage("hello", "[]", null, false);
        outbox.offer(m);
        while (outbox.queued() > 0) {
            Thread.onSpinWait();
        }
        outbox.offer(m);
        outbox.offer(m);

        boolean accepted = outbox.offer(m);

        assertFalse(accepted);
        assertEquals(1, outbox.undelivered());
        release.countDown();
        outbox.close(Duration.ofSeconds(5));
    }
}
