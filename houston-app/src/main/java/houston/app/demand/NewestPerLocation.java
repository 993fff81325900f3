package houston.app.demand;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The newest reading per location: written by a reader's thread, read by the control loop's at
 * every tick. Every tick carries the newest readings again, stamped with when they were measured,
 * not only the tick after they arrived: a replay that starts at a journal checkpoint (which holds
 * no readings) then plans on the same measurements from its first tick on, and the engine itself
 * ignores a reading once it is older than the demand max-age.
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
}
