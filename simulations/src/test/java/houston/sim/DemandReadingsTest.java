package houston.sim;

import houston.core.engine.Inputs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Demand as a policy reads it: a 1-minute rate every 15 s, behind the world and noisy, reproducible by seed. */
class DemandReadingsTest {

    private static final long START = SimFixtures.PEAK.toEpochMilli();

    /** loc-03's catchment doubles at t = 60 s (a 10 s ramp: a step, as far as a rate is concerned). */
    private static SimWorld world() {
        return new SimWorld(SimFixtures.topology(), new DemandModel(SimFixtures.topology(), SimFixtures.PEAK, 1.0, 20,
                List.of(new Spike("loc-03", Duration.ofSeconds(60), Duration.ofSeconds(100), 2.0))), List.of(),
                TtlModelTest.PROMPT, new SplittableRandom(1));
    }

    /** loc-03's reading at every second from 0 to {@code seconds}, read with {@code seed}. */
    private static List<Inputs.DemandReading> loc03(long seed, int seconds) {
        SimWorld w = world();
        DemandReadings readings = new DemandReadings(w, START, new SplittableRandom(seed));
        int l = w.topology().indexOf("loc-03");
        List<Inputs.DemandReading> out = new ArrayList<>();
        for (long ms = 0; ms <= seconds * 1000L; ms += 1000) {
            w.advance(ms);
            out.add(readings.at(ms).get(l));
        }
        return out;
    }

    @Test
    void aNewValueComesEveryFifteenSecondsTheSameOneInBetween() {
        List<Inputs.DemandReading> r = loc03(7, 40);

        assertSame(r.get(0), r.get(14));
        assertNotEquals(r.get(14), r.get(15));
        assertEquals(START + 15_000, r.get(15).measuredAt());
        assertEquals(START + 30_000, r.get(30).measuredAt());
    }

    @Test
    void theReadingTrailsADoublingByAboutHalfAMinute() {
        SimWorld w = world();
        w.advance(0);
        double before = w.demandNow[w.topology().indexOf("loc-03")];

        List<Inputs.DemandReading> r = loc03(7, 150);

        // 15 s into the doubling the rate shows well under half of it; a minute and a half in, nearly all.
        assertTrue(r.get(75).rps() < 1.45 * before, r.get(75).rps() + " against " + before);
        assertTrue(r.get(150).rps() > 1.85 * before, r.get(150).rps() + " against " + before);
    }

    @Test
    void theNoiseIsAPercentOrSoAndTheSeedReproducesIt() {
        SimWorld w = world();
        w.advance(45_000);
        double truth = w.demandNow[w.topology().indexOf("loc-03")];

        double read = loc03(7, 45).get(45).rps();

        assertTrue(Math.abs(read / truth - 1) < 0.05, read + " against " + truth);
        assertEquals(read, loc03(7, 45).get(45).rps());
        assertNotEquals(read, loc03(8, 45).get(45).rps());
    }
}
