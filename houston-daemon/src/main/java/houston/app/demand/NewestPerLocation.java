package houston.app.demand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The newest reading per location: written by a reader's thread, read by the control loop's at
 * every tick, either again at every tick ({@link #newest}) or once ({@link #drain}).
 */
final class NewestPerLocation<T> {

    private final Map<String, T> newest = new ConcurrentSkipListMap<>();

    void put(String location, T reading) {
        newest.put(location, reading);
    }

    /** The newest reading of every location read so far, in location order. */
    List<T> newest() {
        return List.copyOf(newest.values());
    }

    /** The readings put since the last call, in location order; each is handed on once. */
    List<T> drain() {
        List<T> out = new ArrayList<>();
        for (String location : List.copyOf(newest.keySet())) {
            T r = newest.remove(location);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }
}
