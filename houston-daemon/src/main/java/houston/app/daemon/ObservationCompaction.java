package houston.app.daemon;

import houston.core.config.HealthConfig;
import houston.core.health.Observation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tick's observations reduced to what the engine can use: per (vantage, location) the newest
 * {@code max-samples} that are still inside the window, in arrival order. The engine's windows keep
 * exactly those and drop the rest, so stepping on the reduced list gives the same scores; the loop
 * journals the reduced list, so a tick's journal line is bounded by vantages × locations × max-samples
 * whatever arrived, and a replay is exact by construction.
 */
final class ObservationCompaction {

    private ObservationCompaction() {
    }

    static List<Observation> compact(List<Observation> arrived, Instant now, HealthConfig health) {
        long nowMs = now.toEpochMilli();
        long windowStart = nowMs - health.window().toMillis();
        int max = health.maxSamples();
        Map<String, Integer> kept = new HashMap<>();
        boolean[] keep = new boolean[arrived.size()];
        int count = 0;
        // Newest first: a pair's first max-samples seen from the end are the ones its window keeps.
        for (int i = arrived.size() - 1; i >= 0; i--) {
            Observation o = arrived.get(i);
            if (Math.min(o.at().toEpochMilli(), nowMs) <= windowStart) {
                continue;
            }
            int n = kept.merge(o.vantage() + '\u0000' + o.location(), 1, Integer::sum);
            if (n <= max) {
                keep[i] = true;
                count++;
            }
        }
        if (count == arrived.size()) {
            return arrived;
        }
        List<Observation> result = new ArrayList<>(count);
        for (int i = 0; i < arrived.size(); i++) {
            if (keep[i]) {
                result.add(arrived.get(i));
            }
        }
        return result;
    }
}
