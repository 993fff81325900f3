package houston.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A simulated publish makes the calls the daemon's DNS adapter makes, each with its retries. */
class DnsPublishModelTest {

    private static final long PROPAGATION = 5_000;
    private final DnsPublishModel adapter = new DnsPublishModel(DnsApi.defaults());

    /** Fraction of 2,000 publishes that succeed when each call attempt is refused with probability {@code p}. */
    private static double successes(DnsPublishModel model, double p) {
        SplittableRandom random = new SplittableRandom(7);
        int ok = 0;
        for (int i = 0; i < 2000; i++) {
            if (!model.publish(0, false, PROPAGATION, ms -> random.nextDouble() < p, random).failed()) {
                ok++;
            }
        }
        return ok / 2000.0;
    }

    @Test
    void withNothingRefusedTheAnswersChangeAfterTheSubmitAndTheOutcomeAtTheFirstInsyncPoll() {
        DnsPublishModel.Result r = adapter.publish(1_000, false, PROPAGATION, ms -> false, new SplittableRandom(1));

        assertFalse(r.failed());
        assertEquals(1_000 + 2 * DnsPublishModel.CALL_MS + PROPAGATION, r.liveAtMs());
        assertTrue(r.doneMs() >= r.liveAtMs() && r.doneMs() <= r.liveAtMs() + 2_000 + DnsPublishModel.CALL_MS,
                "INSYNC seen at " + r.doneMs());
    }

    @Test
    void eachCallIsRetriedSoAnEightyPercentThrottleFailsFarFewerPublishesThanOneAttemptWould() {
        DnsPublishModel once = new DnsPublishModel(new DnsApi(1, Duration.ofMillis(200), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(120)));

        double retried = successes(adapter, 0.8);
        double single = successes(once, 0.8);

        // Five attempts: a call gets through 1 - 0.8^5 = 67% of the time, and a publish needs several calls.
        assertTrue(single < 0.01, "one attempt per call: " + single);
        assertTrue(retried > 0.05 && retried < 0.67, "five attempts per call: " + retried);
    }

    @Test
    void anApiThatIsDownFailsThePublishAfterTheFirstCallsRetries() {
        DnsPublishModel.Result r = adapter.publish(0, false, PROPAGATION, ms -> true, new SplittableRandom(3));

        assertTrue(r.failed());
        assertEquals(-1, r.liveAtMs());
        // Four waits of 200, 400, 800, 1600 ms, each ±50%, and five round trips.
        long calls = 5 * DnsPublishModel.CALL_MS;
        assertTrue(r.doneMs() >= calls + 1_500 && r.doneMs() <= calls + 4_500, "gave up at " + r.doneMs());
    }

    @Test
    void aGenerationAlreadyLiveIsConfirmedWithoutSendingAnything() {
        DnsPublishModel.Result r = adapter.publish(0, true, PROPAGATION, ms -> false, new SplittableRandom(1));

        assertFalse(r.failed());
        assertEquals(-1, r.liveAtMs());
        assertEquals(DnsPublishModel.CALL_MS, r.doneMs());
    }

    @Test
    void aChangeAcceptedBeforeAPollFailsGoesLiveAnyway() {
        long[] calls = {0};
        // List and submit get through; every later call is refused.
        DnsPublishModel.Result r = adapter.publish(0, false, PROPAGATION, ms -> ++calls[0] > 2, new SplittableRandom(1));

        assertTrue(r.failed());
        assertEquals(2 * DnsPublishModel.CALL_MS + PROPAGATION, r.liveAtMs());
    }
}
