package houston.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the drill table shows a time that was never reached. */
class KpiTableTest {

    private static Kpis kpis(double timeToMove90, double timeToFailBack) {
        return new Kpis(0, 1, 0, 5, timeToMove90, 0, 1, 0, timeToFailBack, 0, 0, 0);
    }

    @Test
    void aPolicyThatNeverMovedNinetyPercentHasNothingToFailBack() {
        assertEquals("not moved", KpiTable.failBack(kpis(Double.NaN, Double.NaN)));
    }

    @Test
    void aPolicyThatMovedButNeverBroughtUsersHomeFailedBackNever() {
        assertEquals("never", KpiTable.failBack(kpis(94, Double.NaN)));
    }

    @Test
    void aFailBackIsShownInSecondsOrMinutes() {
        assertEquals("3m29s", KpiTable.failBack(kpis(112, 209)));
    }
}
