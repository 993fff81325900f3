package houston.sim;

import houston.core.model.Topology;

/**
 * What serving a catchment's users from another location costs them: the great-circle distance
 * from their home location, and the round-trip time added on each request.
 *
 * <p>Added RTT is the topology's own distance when it was built from measured {@code rtt-ms}
 * (its distances then differ from the great-circle ones), otherwise estimated from the
 * great-circle distance: light in fibre covers about 200 km per ms and real paths run about 1.5×
 * the great circle, so a round trip costs {@value #MS_PER_KM} ms per km (3,736 km, us-east-1 to
 * us-west-2: 56 ms).
 */
final class LatencyModel {

    static final double MS_PER_KM = 2 * 1.5 / 200.0;

    private final double[][] km;
    private final double[][] addedMs;

    LatencyModel(Topology topology) {
        int n = topology.size();
        km = new double[n][n];
        addedMs = new double[n][n];
        boolean measured = false;
        for (int c = 0; c < n; c++) {
            for (int l = 0; l < n; l++) {
                km[c][l] = topology.location(c).position().distanceKm(topology.location(l).position());
                measured |= Math.abs(topology.distance(c, l) - km[c][l]) > 1e-6;
            }
        }
        for (int c = 0; c < n; c++) {
            for (int l = 0; l < n; l++) {
                addedMs[c][l] = c == l ? 0 : measured ? topology.distance(c, l) : km[c][l] * MS_PER_KM;
            }
        }
    }

    /** Great-circle km from catchment {@code c}'s home location to location {@code l}. */
    double km(int c, int l) {
        return km[c][l];
    }

    /** RTT (ms) added to each request of catchment {@code c} served at {@code l}. */
    double addedMs(int c, int l) {
        return addedMs[c][l];
    }
}
