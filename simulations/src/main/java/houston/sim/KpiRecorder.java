package houston.sim;

import houston.core.engine.Decision;
import houston.core.engine.DecisionKind;

import java.util.List;

/** Accumulates one run's {@link Kpis} tick by tick from the true world, and samples its {@link Series}. */
final class KpiRecorder {

    private static final double OVERLOADED = 0.001;
    /** Share of a location's load from other catchments past which it counts as a receiver. */
    private static final double RECEIVED = 0.01;
    /**
     * What counts as acting on a fault for "time to detect": deciding to evacuate, aborting a
     * fail-back on a re-failure, starting to shift traffic.
     */
    private static final java.util.Set<DecisionKind> MITIGATING = java.util.EnumSet.of(
            DecisionKind.EVACUATION_DECIDED, DecisionKind.FAILBACK_ABORTED, DecisionKind.TRAFFIC_SHIFTING);
    private static final java.util.Set<DecisionKind> MARKED = java.util.EnumSet.of(DecisionKind.EVACUATION_DECIDED,
            DecisionKind.FAILBACK_ABORTED, DecisionKind.RESTORED, DecisionKind.FAIL_STATIC_ENGAGED,
            DecisionKind.FALLBACK_ENGAGED, DecisionKind.FALLBACK_RELEASED);

    private final SimWorld world;
    private final EpisodeTimes episodes;
    private final Series series;
    private final ErrorMinutes errorMinutes;
    private final long sampleMs;
    private long nextSample;
    private double failed;
    private double total;
    private double overloadSeconds;
    private int shifts;
    private int falseEvacuations;
    private int alerts;
    private final houston.core.engine.AlertStreaks told = new houston.core.engine.AlertStreaks();
    private final LatencyModel latency;
    private final double farKm;
    private double addedMsRequests;
    private double farSeconds;

    KpiRecorder(SimWorld world, long sampleMs, double farKm) {
        this(world, sampleMs, farKm, homeAlone(world.size()));
    }

    /**
     * @param homeShares per catchment, the share its pool answers its home when nothing is evacuated:
     *                   1, or less when the policy publishes data-plane floors (255/258 for three units).
     *                   A location has failed back when it serves 99% of that, not of the whole catchment.
     */
    KpiRecorder(SimWorld world, long sampleMs, double farKm, double[] homeShares) {
        this.world = world;
        this.latency = new LatencyModel(world.topology());
        this.farKm = farKm;
        this.episodes = new EpisodeTimes(world, homeShares);
        series = new Series(world.topology().ids());
        errorMinutes = new ErrorMinutes(world.size());
        this.sampleMs = sampleMs;
        for (Fault f : world.faults()) {
            series.mark(new Series.Mark(f.startMs() / 1000.0, "fault", f.target(), f.toString()));
        }
    }

    private static double[] homeAlone(int n) {
        double[] shares = new double[n];
        java.util.Arrays.fill(shares, 1.0);
        return shares;
    }

    /** The world as it stood for the {@code dt} seconds ending at {@code ms}. */
    void tick(long ms, double dt) {
        int n = world.size();
        double failedNow = 0;
        errorMinutes.tick(ms, dt);
        for (int l = 0; l < n; l++) {
            failedNow += world.loadNow[l] * world.failNow[l];
            total += world.demandNow[l] * dt;
            if (world.overload(l) > OVERLOADED && !world.locationFaulted(l, ms) && receiving(l)) {
                overloadSeconds += dt;
            }
            double err = 0;
            for (int s = 0; s < n; s++) {
                err += world.split[l][s] * world.failNow[s];
            }
            errorMinutes.add(l, world.demandNow[l] * dt, err);
            away(l, ms, dt);
        }
        failed += failedNow * dt;
        episodes.track(ms);
        if (ms >= nextSample) {
            double[] cap = new double[n];
            double[] home = new double[n];
            for (int l = 0; l < n; l++) {
                cap[l] = world.capacity(l);
                home[l] = world.split[l][l];
            }
            series.sample(ms / 1000.0, world.loadNow, cap, home, failedNow);
            nextSample = ms + sampleMs;
        }
    }

    /**
     * Whether {@code l} carries other catchments' users, more than {@link #RECEIVED} of its load: a
     * location overloaded by its own users alone (a flash crowd) is no receiver, and every policy,
     * no action included, would count it alike; a data-plane floor's sliver does not make one.
     */
    private boolean receiving(int l) {
        double received = 0;
        for (int c = 0; c < world.size(); c++) {
            if (c != l) {
                received += world.demandNow[c] * world.split[c][l];
            }
        }
        return received > RECEIVED * world.loadNow[l];
    }

    /**
     * Catchment {@code c}'s users: the latency they pay (the round trip away from home, and a
     * latency fault's milliseconds wherever they are served, home included), and how far.
     */
    private void away(int c, long ms, double dt) {
        for (int l = 0; l < world.size(); l++) {
            double share = world.split[c][l];
            if (share > 0) {
                addedMsRequests += world.demandNow[c] * share * (latency.addedMs(c, l) + world.faultLatencyMs(l, ms)) * dt;
            }
            if (share > 0 && l != c) {
                if (latency.km(c, l) > farKm) {
                    farSeconds += share * dt;
                }
            }
        }
    }

    /** A decision the policy told humans about. */
    void decision(long ms, Decision d) {
        if (d.kind() == DecisionKind.EVACUATION_DECIDED) {
            int l = world.topology().indexOf(d.location());
            if (!world.locationFaulted(l, ms)) {
                falseEvacuations++;
            }
        }
        if (MITIGATING.contains(d.kind())) {
            episodes.detectedAt(ms, d.location());
        }
        if (MARKED.contains(d.kind())) {
            series.mark(new Series.Mark(ms / 1000.0, d.kind().name().toLowerCase(java.util.Locale.ROOT),
                    d.location(), d.summary()));
        }
    }

    /**
     * A safety alert, counted and marked when people are told of it, as the daemon tells them
     * ({@link houston.core.engine.AlertStreaks}); held
     * evacuations and failed publishes are marked as such on the report.
     */
    void alert(long ms, houston.core.engine.AlertKind alertKind, Decision d, String message) {
        if (told.raised(alertKind, java.time.Instant.ofEpochMilli(ms)) == null) {
            return;
        }
        alerts++;
        String kind = d.kind() == DecisionKind.EVACUATION_HELD ? "held"
                : d.kind() == DecisionKind.PUBLISH_FAILED ? "publish-failed" : "alert";
        series.mark(new Series.Mark(ms / 1000.0, kind, d.location(), message));
    }

    /** Outcomes the policy hears at {@code ms}: a publish confirmed ends a streak of failed ones. */
    void outcomes(long ms, List<houston.core.engine.ActionOutcome> outcomes) {
        markEnded(ms, told.ended(outcomes, java.time.Instant.ofEpochMilli(ms)));
    }

    /** Control-plane readings the policy hears at {@code ms}: a read answered ends the watch's streak. */
    void watched(long ms, List<houston.core.engine.Inputs.ControlPlaneReading> readings) {
        markEnded(ms, told.watched(readings, java.time.Instant.ofEpochMilli(ms)));
    }

    private void markEnded(long ms, List<String> summaries) {
        for (String summary : summaries) {
            series.mark(new Series.Mark(ms / 1000.0, "alert-ended", "", summary));
        }
    }

    void shifted() {
        shifts++;
    }

    Kpis kpis() {
        return new Kpis(failed, total, errorMinutes.minutes(), episodes.worstDetected(), episodes.worstMoved(),
                overloadSeconds, shifts, falseEvacuations, episodes.worstFailedBack(), alerts,
                total == 0 ? 0 : addedMsRequests / total, farSeconds / 60);
    }

    Series series() {
        return series;
    }
}
