package houston.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TtlModelTest {

    /** Clients that all follow a change within one second. */
    static final TtlModel PROMPT = new TtlModel(Duration.ofSeconds(1), 1.0, 1.0, 0.0, Duration.ofSeconds(1));

    private final TtlModel model = TtlModel.defaults(Duration.ofSeconds(20));

    @Test
    void ninetyPercentFollowAChangeWithinAMinuteAtA20sTtl() {
        assertEquals(0.90, 1 - model.stale(60), 0.01);
    }

    @Test
    void twoPercentStillHoldTheOldAnswerAfterFifteenMinutes() {
        assertEquals(0.02, model.stale(900), 0.003);
    }

    @Test
    void everyoneHoldsTheAnswerOfTheMomentAtAgeZero() {
        assertEquals(1.0, model.stale(0), 1e-12);
    }

    @Test
    void eachSeedGivesACatchmentItsOwnTailAroundTheConfiguredOne() {
        TtlModel configured = TtlModel.defaults(Duration.ofSeconds(20));

        TtlModel a = configured.varied(new java.util.SplittableRandom(1));
        TtlModel b = configured.varied(new java.util.SplittableRandom(2));
        TtlModel a2 = configured.varied(new java.util.SplittableRandom(1));

        assertEquals(a, a2);
        org.junit.jupiter.api.Assertions.assertNotEquals(a.stale(900), b.stale(900));
        org.junit.jupiter.api.Assertions.assertTrue(a.linger() >= 0.0125 && a.linger() <= 0.0375, a.toString());
    }
}
