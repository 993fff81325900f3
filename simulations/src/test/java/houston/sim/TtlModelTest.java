package houston.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TtlModelTest {

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
}
