package houston.sim;

import java.util.List;

/**
 * When the run acted on each fault episode, from its start: detected (the first mitigating act, or
 * its traffic off it), moved (its traffic off it) and, from its end, failed back (its traffic home
 * again). Read from the true world tick by tick; NaN until it happens.
 */
final class EpisodeTimes {

    private final SimWorld world;
    private final List<FaultEpisode> faults;
    private final double[] detected;
    private final double[] moved;
    private final double[] failedBack;
    private final double[] homeShares;

    /** @param homeShares per catchment, the share its pool answers its home when nothing is evacuated */
    EpisodeTimes(SimWorld world, double[] homeShares) {
        this.world = world;
        this.homeShares = homeShares.clone();
        this.faults = FaultEpisode.of(world.faults());
        detected = nan(faults.size());
        moved = nan(faults.size());
        failedBack = nan(faults.size());
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    /** The world as it stands at {@code ms}: the episodes it shows detected, moved or failed back. */
    void track(long ms) {
        for (int i = 0; i < faults.size(); i++) {
            FaultEpisode f = faults.get(i);
            int l = world.topology().indexOf(f.target());
            double home = world.split[l][l];
            if (Double.isNaN(detected[i]) && ms >= f.startMs() && ms < f.endMs() && home <= 0.1) {
                // Its traffic is off it already (moved while still out after an earlier fault): acted on.
                detected[i] = (ms - f.startMs()) / 1000.0;
            }
            if (Double.isNaN(moved[i]) && ms >= f.startMs() && ms < f.endMs() && home <= 0.1) {
                moved[i] = (ms - f.startMs()) / 1000.0;
            }
            // 90% of what its pool answers it at home (data-plane floors keep a sliver away), mirroring the move: at 99% the clients ignoring TTLs (their share and linger
            // drawn per seed) decided it, and equal curves read 9 min, 36 min or never by seed.
            if (Double.isNaN(failedBack[i]) && !Double.isNaN(moved[i]) && ms >= f.endMs() && home >= 0.9 * homeShares[l]) {
                failedBack[i] = (ms - f.endMs()) / 1000.0;
            }
        }
    }

    /** The first mitigating act about a faulted location during its episode detects that episode. */
    void detectedAt(long ms, String location) {
        for (int i = 0; i < faults.size(); i++) {
            FaultEpisode f = faults.get(i);
            if (f.target().equals(location) && Double.isNaN(detected[i]) && f.activeAt(ms)) {
                detected[i] = (ms - f.startMs()) / 1000.0;
            }
        }
    }

    /** Seconds from an episode's start to its detection, the worst of them; NaN if one never was. */
    double worstDetected() {
        return worst(detected);
    }

    /** Seconds from an episode's start to its traffic moved off, the worst of them. */
    double worstMoved() {
        return worst(moved);
    }

    /** Seconds from an episode's end to its traffic home again, the worst of them. */
    double worstFailedBack() {
        return worst(failedBack);
    }

    /** The largest value, NaN if any fault never got one (never detected is worse than any time). */
    private static double worst(double[] values) {
        double w = Double.NaN;
        for (double v : values) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            w = Double.isNaN(w) ? v : Math.max(w, v);
        }
        return w;
    }
}
