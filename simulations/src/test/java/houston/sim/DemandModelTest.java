package houston.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DemandModelTest {

    @Test
    void demandPeaksAtThePeakHourAndBottomsOutTwelveHoursLater() {
        DemandModel m = new DemandModel(SimFixtures.topology(), SimFixtures.PEAK, 0.4, 20, List.of());

        assertEquals(800, m.demand(0, 0), 1e-6);
        assertEquals(320, m.demand(0, Duration.ofHours(12).toMillis()), 1e-6);
    }

    @Test
    void aSpikeMultipliesItsCatchmentOnly() {
        Spike spike = new Spike("loc-01", Duration.ZERO, Duration.ofHours(2), 1.5);
        DemandModel plain = new DemandModel(SimFixtures.topology(), SimFixtures.PEAK, 0.4, 20, List.of());
        DemandModel spiked = new DemandModel(SimFixtures.topology(), SimFixtures.PEAK, 0.4, 20, List.of(spike));

        long hour = Duration.ofHours(1).toMillis();

        assertEquals(1.5, spiked.demand(1, hour) / plain.demand(1, hour), 1e-9);
        assertEquals(1.0, spiked.demand(2, hour) / plain.demand(2, hour), 1e-9);
    }
}
