package houston.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A drill: the simulated world around the engine and what the run must show.
 *
 * @param start         wall-clock instant the simulation starts at (sets the daily cycle)
 * @param length        simulated time
 * @param seed          randomness (probe noise, jitter, checkers); same seed, same run
 * @param trough        demand at the daily low, as a fraction of the peak
 * @param peakHour      local hour of the daily peak
 * @param probeLoss     fraction of probes (and baseline health checks) lost at random
 * @param dnsClients    how DNS clients follow a change
 * @param dnsLatency    publish call to authoritative answers changing (and INSYNC)
 * @param signals       whether services report their own health (service signals) every 15 s
 * @param sample        how often the report's time series are sampled
 * @param signalDelay   a service signal's age when the engine receives it (scrape, rule, delivery)
 * @param signalLoss    fraction of service signals lost on the way
 * @param farKm         users served further than this from home count in the "far" KPI
 */
public record Scenario(String name, String description, Instant start, Duration length, long seed, double trough,
                       double peakHour, List<Spike> spikes, List<Fault> faults, double probeLoss, TtlModel dnsClients,
                       Duration dnsLatency, boolean signals, Route53Baseline baseline, Objectives objectives,
                       Duration sample, Duration signalDelay, double signalLoss, double farKm) {

    public Scenario {
        spikes = List.copyOf(spikes);
        faults = List.copyOf(faults);
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("drill length must be > 0");
        }
    }

    /** The same drill with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, start, length, newSeed, trough, peakHour, spikes, faults, probeLoss,
                dnsClients, dnsLatency, signals, baseline, objectives, sample, signalDelay, signalLoss, farKm);
    }

    /** The same drill with other faults. */
    public Scenario withFaults(List<Fault> newFaults) {
        return new Scenario(name, description, start, length, seed, trough, peakHour, spikes, newFaults, probeLoss,
                dnsClients, dnsLatency, signals, baseline, objectives, sample, signalDelay, signalLoss, farKm);
    }
}
