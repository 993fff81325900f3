package houston.sim;

import houston.core.config.DnsFallbackConfig;
import houston.core.config.PlannerConfig;
import houston.core.plan.FallbackReceivers;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DataPlaneAnswersTest {

    @Test
    void droppedRecordsShareIsRenormalizedOverTheOthers() {
        double[] row = FallbackReceivers.withoutDropped(new double[]{0.5, 0.25, 0.25}, Set.of(0));

        assertArrayEquals(new double[]{0, 0.5, 0.5}, row, 1e-12);
    }

    @Test
    void aPoolAtHomeWithItsHomeDroppedIsSplitEvenlyOverEveryOtherLocation() {
        double[] row = FallbackReceivers.withoutDropped(new double[]{0, 0, 1, 0, 0}, Set.of(2));

        assertArrayEquals(new double[]{0.25, 0.25, 0, 0.25, 0.25}, row, 1e-12);
    }

    @Test
    void withoutFloorsAPoolAtHomeWhoseHomeIsDroppedGoesEvenlyToEveryLocation() {
        double[] row = new DataPlaneAnswers(null).answer(3, identity(8), Set.of(3));

        double seventh = 1.0 / 7;
        assertArrayEquals(new double[]{seventh, seventh, seventh, 0, seventh, seventh, seventh, seventh}, row, 1e-12);
    }

    @Test
    void withFloorsAPoolAtHomeWhoseHomeIsDroppedGoesToTheReceiversThePlannerWouldPick() {
        DataPlaneAnswers answers = new DataPlaneAnswers(new FallbackReceivers(SimFixtures.topology(),
                PlannerConfig.defaults()));

        double[] row = answers.answer(3, identity(8), Set.of(3));

        double third = 1.0 / 3;
        assertArrayEquals(new double[]{0, third, third, 0, third, 0, 0, 0}, row, 1e-12);
    }

    @Test
    void inSteadyStateTheFloorsTakeThreePartsIn258() {
        DataPlaneAnswers answers = new DataPlaneAnswers(new FallbackReceivers(SimFixtures.topology(),
                PlannerConfig.defaults()));

        double[] row = answers.answer(3, identity(8), Set.of());

        assertEquals(255.0 / 258, row[3], 1e-12);
        assertEquals(1.0 / 258, row[2], 1e-12);
        assertEquals(0, row[7]);
    }

    private static double[][] identity(int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            rows[i][i] = 1;
        }
        return rows;
    }

    /** Houston's own checks of /v1/dns-health, as configured: not the baselines' checks of the locations. */
    @Test
    void healthChecksActAfterHoustonsIntervalTimesThresholdArcWithinSeconds() {
        HoustonSetup shipped = SimFixtures.setup();
        HoustonSetup standard = new HoustonSetup(shipped.engine(), shipped.probes(), shipped.topology(), shipped.tick(),
                shipped.scaleReadyTimeout(), shipped.dnsApi(), Duration.ofSeconds(30), 3);

        assertEquals(10_000, DataPlaneAnswers.delayMs(withFallback(shipped, DnsFallbackConfig.Mode.HEALTH_ENDPOINT)));
        assertEquals(90_000, DataPlaneAnswers.delayMs(withFallback(standard, DnsFallbackConfig.Mode.HEALTH_ENDPOINT)));
        assertEquals(5_000, DataPlaneAnswers.delayMs(withFallback(standard, DnsFallbackConfig.Mode.ARC)));
    }

    private static HoustonSetup withFallback(HoustonSetup s, DnsFallbackConfig.Mode mode) {
        return new HoustonSetup(s.engine().withDnsFallback(new DnsFallbackConfig(mode, Duration.ofSeconds(30))),
                s.probes(), s.topology(), s.tick(), s.scaleReadyTimeout(), s.dnsApi(), s.checkInterval(),
                s.checkFailureThreshold());
    }
}
