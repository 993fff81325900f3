package houston.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The faults in force at a time, found without scanning them all. A run asks about the world many
 * times per simulated second (every probe, every location's errors and latency), and a drill may
 * hold thousands of faults: scanning each at every question made a day with 1,440 faults 33x slower
 * than a day without. Questions come in time order, so the faults in force are kept as a cursor
 * moves forward over the faults sorted by start; a question about an earlier time (another pass,
 * as the DNS bound's) starts the cursor again. Not shared between runs: each world has its own.
 */
final class ActiveFaults {

    private final List<Fault> byStart;
    private final List<Fault> inForce = new ArrayList<>();
    private int next;
    private long at = Long.MIN_VALUE;

    ActiveFaults(List<Fault> faults) {
        byStart = new ArrayList<>(faults);
        byStart.sort(Comparator.comparingLong(Fault::startMs));
    }

    /** The faults active at {@code ms} ({@link Fault#activeAt}), in start order; read before the next call. */
    List<Fault> at(long ms) {
        if (ms < at) {
            next = 0;
            inForce.clear();
        }
        if (ms != at) {
            at = ms;
            while (next < byStart.size() && byStart.get(next).startMs() <= ms) {
                inForce.add(byStart.get(next++));
            }
            inForce.removeIf(f -> !f.activeAt(ms));
        }
        return inForce;
    }
}
