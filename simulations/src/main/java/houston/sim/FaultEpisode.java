package houston.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One location's trouble as its users live it: its faults that overlap or follow each other
 * without a gap, merged, from the first one's start to the last one's end. The KPIs time
 * detection, the move and the fail-back per episode: a latency that climbs in steps is one
 * episode detected when Houston first acts on it, not one fault per step, some never acted on.
 */
record FaultEpisode(String target, long startMs, long endMs) {

    boolean activeAt(long ms) {
        return ms >= startMs && ms < endMs;
    }

    /** The episodes of {@code faults} (location faults only), by start. */
    static List<FaultEpisode> of(List<Fault> faults) {
        List<Fault> sorted = new ArrayList<>(faults.stream().filter(f -> f.kind().hitsLocation()).toList());
        sorted.sort(Comparator.comparingLong(Fault::startMs));
        List<FaultEpisode> out = new ArrayList<>();
        for (Fault f : sorted) {
            int merged = -1;
            for (int i = 0; i < out.size(); i++) {
                FaultEpisode e = out.get(i);
                if (e.target.equals(f.target()) && f.startMs() <= e.endMs) {
                    merged = i;
                }
            }
            if (merged < 0) {
                out.add(new FaultEpisode(f.target(), f.startMs(), f.endMs()));
            } else {
                FaultEpisode e = out.get(merged);
                out.set(merged, new FaultEpisode(e.target, e.startMs, Math.max(e.endMs, f.endMs())));
            }
        }
        return out;
    }
}
