package houston.capacity;

import java.util.List;

/**
 * What one location must run so that the loss of any K others is absorbed.
 *
 * @param location   location id
 * @param today      instances it runs now
 * @param required   instances it needs: its own peak at target utilisation, or its worst receiving case
 * @param worstCase  the failure set that drives {@code required} (empty: its own peak does)
 * @param peakLoadRps requests/s it serves in that case
 */
public record LocationBuffer(String location, int today, int required, List<String> worstCase, double peakLoadRps) {

    public LocationBuffer {
        worstCase = List.copyOf(worstCase);
    }

    public int delta() {
        return required - today;
    }

    /** Instance-hours per day at the required size. */
    public long instanceHoursPerDay() {
        return required * 24L;
    }
}
