package houston.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActiveFaultsTest {

    private static final Fault.Kind[] KINDS = {Fault.Kind.OUTAGE, Fault.Kind.BROWNOUT, Fault.Kind.LATENCY,
            Fault.Kind.DNS_THROTTLE, Fault.Kind.SCALER_SLOW};

    /**
     * Random faults (overlapping, nested, back to back, zero-length gaps) asked about at random times,
     * mostly forward with jumps back as a second pass makes: the answer is always the full scan's.
     */
    @Test
    void theFaultsInForceAreThoseAFullScanFindsWhateverTheOrderOfQuestions() {
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Fault> faults = new ArrayList<>();
            for (int i = random.nextInt(0, 40); i > 0; i--) {
                faults.add(SimFixtures.fault(KINDS[random.nextInt(KINDS.length)], "loc-" + random.nextInt(3),
                        random.nextInt(0, 600), random.nextInt(1, 120), 0.5));
            }
            ActiveFaults active = new ActiveFaults(faults);
            long ms = 0;

            for (int q = 0; q < 400; q++) {
                ms = random.nextInt(10) == 0 ? random.nextLong(0, 720_000) : ms + random.nextLong(0, 5_000);
                long at = ms;
                List<Fault> expected = faults.stream().filter(f -> f.activeAt(at))
                        .sorted(java.util.Comparator.comparingLong(Fault::startMs)).toList();

                List<Fault> found = active.at(at);

                assertEquals(expected, found, "seed " + seed + " at " + at + " ms");
            }
        }
    }

    @Test
    void aFaultEndsTheMillisecondItsLengthRunsOut() {
        Fault outage = SimFixtures.fault(Fault.Kind.OUTAGE, "loc-0", 10, 5, 1);
        ActiveFaults active = new ActiveFaults(List.of(outage));

        assertEquals(List.of(), active.at(9_999));
        assertEquals(List.of(outage), active.at(10_000));
        assertEquals(List.of(outage), active.at(14_999));
        assertEquals(List.of(), active.at(15_000));
        assertEquals(List.of(outage), active.at(12_000));
    }
}
