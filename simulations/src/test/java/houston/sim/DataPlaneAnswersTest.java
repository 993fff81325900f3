package houston.sim;

import houston.core.config.DnsFallbackConfig;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DataPlaneAnswersTest {

    @Test
    void droppedRecordsShareIsRenormalizedOverTheOthers() {
        double[] row = DataPlaneAnswers.row(new double[]{0.5, 0.25, 0.25}, Set.of(0));

        assertArrayEquals(new double[]{0, 0.5, 0.5}, row, 1e-12);
    }

    @Test
    void aPoolAtHomeWithItsHomeDroppedIsSplitEvenlyOverEveryOtherLocation() {
        double[] row = DataPlaneAnswers.row(new double[]{0, 0, 1, 0, 0}, Set.of(2));

        assertArrayEquals(new double[]{0.25, 0.25, 0, 0.25, 0.25}, row, 1e-12);
    }

    @Test
    void healthChecksActAfterIntervalTimesThresholdArcWithinSeconds() {
        Route53Baseline checks = Route53Baseline.defaults();

        assertEquals(30_000, DataPlaneAnswers.delayMs(DnsFallbackConfig.Mode.HEALTH_ENDPOINT, checks));
        assertEquals(5_000, DataPlaneAnswers.delayMs(DnsFallbackConfig.Mode.ARC, checks));
    }
}
