package houston.app.demand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readings waiting for the next tick, the newest per location: written by a reader's thread,
 * drained by the control loop's. Each reading is handed on once, so the journal holds it once.
 */
final class NewestPerLocation<T> {

    private final Map<String, T> waiting = new ConcurrentHashMap<>();

    void put(String location, T reading) {
        waiting.put(location, reading);
    }

    List<T> drain() {
        List<T> out = new ArrayList<>();
        for (String location : List.copyOf(waiting.keySet())) {
            T r = waiting.remove(location);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }
}
