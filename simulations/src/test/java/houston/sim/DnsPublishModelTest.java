package houston.sim;

import houston.core.engine.ActionOutcome.PublishStatus;
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

    /** Fraction of 2,000 first publishes whose change is accepted when each attempt is refused with probability {@code p}. */
    private static double accepted(DnsApi api, double p) {
        SplittableRandom random = new SplittableRandom(7);
        int ok = 0;
        for (int i = 0; i < 2000; i++) {
            DnsPublishModel.Result r = new DnsPublishModel(api).publish(0, 1, false, PROPAGATION,
                    ms -> random.nextDouble() < p, random);
            if (r.liveAtMs() >= 0) {
                ok++;
            }
        }
        return ok / 2000.0;
    }

    @Test
    void withNothingRefusedTheAnswersChangeAfterTheSubmitAndTheOutcomeAtTheFirstInsyncPoll() {
        DnsPublishModel.Result r = adapter.publish(1_000, 1, false, PROPAGATION, ms -> false, new SplittableRandom(1));

        assertEquals(PublishStatus.INSYNC, r.status());
        assertEquals(1_000 + 2 * DnsPublishModel.CALL_MS + PROPAGATION, r.liveAtMs());
        assertTrue(r.doneMs() >= r.liveAtMs() && r.doneMs() <= r.liveAtMs() + 2_000 + DnsPublishModel.CALL_MS,
                "INSYNC seen at " + r.doneMs());
    }

    @Test
    void atANinetyFivePercentThrottleAChangeIsAcceptedAsOftenAsOneCallsFiveAttemptsAllow() {
        double retried = accepted(DnsApi.defaults(), 0.95);

        // The change is one call: 1 - 0.95^5 = 23% get through. Were the read a retried call too, 5%.
        assertTrue(retried > 0.19 && retried < 0.27, "accepted: " + retried);
    }

    @Test
    void eachCallIsRetriedSoAnEightyPercentThrottleRefusesFarFewerChangesThanOneAttemptWould() {
        DnsApi once = new DnsApi(1, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(120));

        double retried = accepted(DnsApi.defaults(), 0.8);
        double single = accepted(once, 0.8);

        // Five attempts: the change gets through 1 - 0.8^5 = 67% of the time; one attempt, 20%.
        assertTrue(single > 0.16 && single < 0.24, "one attempt per call: " + single);
        assertTrue(retried > 0.62 && retried < 0.72, "five attempts per call: " + retried);
    }

    @Test
    void anApiThatIsDownFailsThePublishAfterTheChangesRetries() {
        DnsPublishModel.Result r = adapter.publish(0, 1, false, PROPAGATION, ms -> true, new SplittableRandom(3));

        assertEquals(PublishStatus.FAILED, r.status());
        assertEquals(-1, r.liveAtMs());
        // The read's one attempt, then the change: four waits of 200, 400, 800, 1600 ms, each ±50%, five round trips.
        long calls = 6 * DnsPublishModel.CALL_MS;
        assertTrue(r.doneMs() >= calls + 1_500 && r.doneMs() <= calls + 4_500, "gave up at " + r.doneMs());
    }

    @Test
    void aGenerationAlreadyLiveIsConfirmedWithoutSendingAnything() {
        DnsPublishModel.Result r = adapter.publish(0, 1, true, PROPAGATION, ms -> false, new SplittableRandom(1));

        assertEquals(PublishStatus.INSYNC, r.status());
        assertEquals(-1, r.liveAtMs());
        assertEquals(DnsPublishModel.CALL_MS, r.doneMs());
    }

    @Test
    void aChangeAcceptedWhosePollsAreRefusedIsReportedAcceptedAndGoesLive() {
        long[] attempts = {0};
        // The read and the change get through; every later attempt is refused.
        DnsPublishModel.Result r = adapter.publish(0, 1, false, PROPAGATION, ms -> ++attempts[0] > 2,
                new SplittableRandom(1));

        assertEquals(PublishStatus.ACCEPTED, r.status());
        assertFalse(r.failed());
        assertEquals(2 * DnsPublishModel.CALL_MS + PROPAGATION, r.liveAtMs());
    }

    @Test
    void theNextPublishOfAnAcceptedGenerationPollsItAndSendsNothing() {
        long[] attempts = {0};
        adapter.publish(0, 1, false, PROPAGATION, ms -> ++attempts[0] > 2, new SplittableRandom(1));
        long before = attempts[0];

        DnsPublishModel.Result again = adapter.publish(20_000, 1, false, PROPAGATION, ms -> ++attempts[0] < 0,
                new SplittableRandom(1));

        assertEquals(PublishStatus.INSYNC, again.status());
        assertEquals(-1, again.liveAtMs(), "sent again");
        assertEquals(before + 1, attempts[0], "one GetChange, no read, no change");
    }

    @Test
    void anAcceptedChangeStillUnconfirmedAfterTheInsyncTimeoutIsReportedFailed() {
        long[] attempts = {0};
        adapter.publish(0, 1, false, PROPAGATION, ms -> ++attempts[0] > 2, new SplittableRandom(1));

        DnsPublishModel.Result late = adapter.publish(200_000, 1, false, PROPAGATION, ms -> true, new SplittableRandom(1));

        assertEquals(PublishStatus.FAILED, late.status());
        assertEquals(-1, late.liveAtMs());
    }
}
