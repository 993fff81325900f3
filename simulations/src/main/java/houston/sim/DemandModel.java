package houston.sim;

import houston.core.model.Location;
import houston.core.model.Topology;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Requests/s per catchment: the location's peak demand shaped by a daily cycle in local solar
 * time (longitude / 15 hours from UTC), highest at {@code peakHour}, lowest ({@code trough} of the
 * peak) twelve hours later, times any spikes. A cosine is the usual first-order fit of web
 * traffic's diurnal curve.
 */
public final class DemandModel {

    private final double[] peak;
    private final double[] offsetHours;
    private final String[] ids;
    private final double trough;
    private final double peakHour;
    private final List<Spike> spikes;
    private final double startHourUtc;

    public DemandModel(Topology topology, Instant start, double trough, double peakHour, List<Spike> spikes) {
        int n = topology.size();
        peak = new double[n];
        offsetHours = new double[n];
        ids = new String[n];
        for (int i = 0; i < n; i++) {
            Location l = topology.location(i);
            peak[i] = l.peakDemandRps();
            offsetHours[i] = l.position().longitude() / 15.0;
            ids[i] = l.id();
        }
        this.trough = trough;
        this.peakHour = peakHour;
        this.spikes = List.copyOf(spikes);
        var t = start.atOffset(ZoneOffset.UTC);
        this.startHourUtc = t.getHour() + t.getMinute() / 60.0 + t.getSecond() / 3600.0;
    }

    /** Requests/s catchment {@code c} sends {@code ms} after the start. */
    public double demand(int c, long ms) {
        double localHour = startHourUtc + ms / 3_600_000.0 + offsetHours[c];
        double cycle = (1 + Math.cos(2 * Math.PI * (localHour - peakHour) / 24.0)) / 2;
        double d = peak[c] * (trough + (1 - trough) * cycle);
        for (Spike s : spikes) {
            if (s.location().isEmpty() || s.location().equals(ids[c])) {
                d *= s.factorAt(ms);
            }
        }
        return d;
    }
}
