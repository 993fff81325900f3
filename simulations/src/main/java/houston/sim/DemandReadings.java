package houston.sim;

import houston.core.engine.Inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demand readings a policy gets, as a Prometheus query of {@code rate(requests[1m])} every 15 s
 * gives them in the world: late (a one-minute rate trails a rising crowd by half a minute), coarse
 * (a new value every {@link #INTERVAL_MS}, the same one in between) and noisy (1% either way, the
 * rate of a finite number of requests). The exact demand of every second, read at every tick, was an
 * oracle no daemon has: it let a rule that extrapolates a rise look better than it could be.
 * The noise is drawn from the run's seed.
 */
final class DemandReadings {

    /** How often a new value comes: the default {@code houston.demand.prometheus.interval}. */
    static final long INTERVAL_MS = 15_000;
    /** The rate's window: what the reading averages over. */
    static final long WINDOW_MS = 60_000;
    /** The noise's standard deviation, as a fraction of the value. */
    static final double NOISE = 0.01;

    private final SimWorld world;
    private final long startEpochMs;
    private final SplittableRandom random;
    private final double[] rate;
    private List<Inputs.DemandReading> readings = List.of();
    private long nextAt;
    private long lastMs = -1;

    DemandReadings(SimWorld world, long startEpochMs, SplittableRandom random) {
        this.world = world;
        this.startEpochMs = startEpochMs;
        this.random = random;
        this.rate = new double[world.size()];
    }

    /** The readings as they stand at {@code ms} (the world advanced to it), a new set every interval. */
    List<Inputs.DemandReading> at(long ms) {
        for (int c = 0; c < rate.length; c++) {
            double demand = world.demandNow[c];
            // A one-minute rate trails a change by half its window on average: an exponential average of that lag.
            rate[c] = lastMs < 0 ? demand
                    : rate[c] + (demand - rate[c]) * Math.min(1, (ms - lastMs) / (WINDOW_MS / 2.0));
        }
        lastMs = ms;
        if (ms >= nextAt) {
            List<Inputs.DemandReading> out = new ArrayList<>(rate.length);
            for (int c = 0; c < rate.length; c++) {
                double value = Math.max(0, rate[c] * (1 + NOISE * random.nextGaussian()));
                out.add(new Inputs.DemandReading(world.topology().location(c).id(), value, startEpochMs + ms));
            }
            readings = out;
            nextAt = ms + INTERVAL_MS;
        }
        return readings;
    }
}
