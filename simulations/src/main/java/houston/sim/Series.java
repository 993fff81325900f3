package houston.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Time series of one run, sampled for the report: per location its load, its ready capacity and
 * the share of its own catchment it serves; platform-wide failed requests/s; and the moments
 * that matter (faults, decisions).
 */
public final class Series {

    /** A moment on the timeline: seconds since the start, what, about which location. */
    public record Mark(double at, String kind, String location, String text) {
    }

    private final List<String> locations;
    private final List<Double> times = new ArrayList<>();
    private final List<double[]> load = new ArrayList<>();
    private final List<double[]> capacity = new ArrayList<>();
    private final List<double[]> home = new ArrayList<>();
    private final List<Double> failedRps = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();

    Series(List<String> locations) {
        this.locations = List.copyOf(locations);
    }

    void sample(double at, double[] loadNow, double[] capacityNow, double[] homeNow, double failed) {
        times.add(at);
        load.add(loadNow.clone());
        capacity.add(capacityNow.clone());
        home.add(homeNow.clone());
        failedRps.add(failed);
    }

    void mark(Mark m) {
        marks.add(m);
    }

    public List<String> locations() {
        return locations;
    }

    public List<Double> times() {
        return times;
    }

    public List<double[]> load() {
        return load;
    }

    public List<double[]> capacity() {
        return capacity;
    }

    public List<double[]> home() {
        return home;
    }

    public List<Double> failedRps() {
        return failedRps;
    }

    public List<Mark> marks() {
        return marks;
    }
}
