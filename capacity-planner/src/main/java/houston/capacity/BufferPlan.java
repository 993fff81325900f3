package houston.capacity;

import java.util.List;

/** The buffer plan: per location what to run, and the failures that cannot be absorbed at all. */
public record BufferPlan(int survive, int casesChecked, List<LocationBuffer> locations, List<Shortfall> shortfalls) {

    public BufferPlan {
        locations = List.copyOf(locations);
        shortfalls = List.copyOf(shortfalls);
    }

    public long instancesToday() {
        return locations.stream().mapToLong(LocationBuffer::today).sum();
    }

    public long instancesRequired() {
        return locations.stream().mapToLong(LocationBuffer::required).sum();
    }
}
