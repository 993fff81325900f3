package houston.core.engine;

import houston.core.health.HealthBook;
import houston.core.health.HealthReport;
import houston.core.model.TrafficPlan;

import java.util.List;

/**
 * Everything the engine remembers between ticks. Immutable: a step returns a new state and
 * leaves the old one valid, so the simulator can fork a world and a journal can replay one.
 * The arrays are never written after construction.
 *
 * @param tick               how many steps led here
 * @param health             probe windows and service signals
 * @param report             the last tick's verdict (scores and evidence), for status and explain
 * @param tracks             per-location memory, index-aligned with the topology
 * @param plan               the plan the engine wants live
 * @param liveGeneration     the newest generation confirmed live in DNS (0: none yet)
 * @param demand             requests/s per catchment
 * @param instances          instances per location, as last read or confirmed ready
 * @param requested          instances per location asked for and not yet ready (0: nothing pending)
 * @param lastRelied         per location, when it last carried another catchment's traffic or was
 *                           asked to pre-scale (epoch ms; 0: never)
 * @param overrides          freeze and pins
 * @param failStatic         whether fail-static is engaged
 * @param recentEvacuations  times (epoch ms) of recent automatic evacuations, for the rate limit
 * @param publishBlocked     why publishing is stopped (lost DNS ownership), or null
 * @param retryPublishAt     when to publish the wanted plan again after a failed publish (epoch ms), or 0
 * @param dnsFallback        whether the DNS control plane fails and what the data-plane fallback evacuates
 * @param demandReadAt       per catchment, when its demand was measured (epoch ms; 0: never, or the
 *                           reading went stale and the configured peak is planned on)
 * @param demandTrend        per catchment, how fast its measured demand rises ({@link RisingDemand})
 * @param scaleBackoff       per location, failed scale-ups in a row and when to ask again ({@link ScaleBackoff})
 */
public record EngineState(
        long tick,
        HealthBook health,
        HealthReport report,
        List<LocationTrack> tracks,
        TrafficPlan plan,
        long liveGeneration,
        double[] demand,
        int[] instances,
        int[] requested,
        long[] lastRelied,
        Overrides overrides,
        boolean failStatic,
        List<Long> recentEvacuations,
        String publishBlocked,
        long retryPublishAt,
        DnsFallback dnsFallback,
        long[] demandReadAt,
        DemandTrend demandTrend,
        ScaleBackoff scaleBackoff) {

    public EngineState {
        tracks = List.copyOf(tracks);
        recentEvacuations = List.copyOf(recentEvacuations);
        dnsFallback = dnsFallback == null ? DnsFallback.IDLE : dnsFallback;
        demandReadAt = demandReadAt == null ? new long[demand.length] : demandReadAt;
        demandTrend = demandTrend == null ? DemandTrend.none(demand.length) : demandTrend;
        scaleBackoff = scaleBackoff == null ? ScaleBackoff.none(demand.length) : scaleBackoff;
    }

    /** A state with no failed scale-up remembered (the next one to fail starts a streak). */
    public EngineState(long tick, HealthBook health, HealthReport report, List<LocationTrack> tracks, TrafficPlan plan,
                       long liveGeneration, double[] demand, int[] instances, int[] requested, long[] lastRelied,
                       Overrides overrides, boolean failStatic, List<Long> recentEvacuations, String publishBlocked,
                       long retryPublishAt, DnsFallback dnsFallback, long[] demandReadAt, DemandTrend demandTrend) {
        this(tick, health, report, tracks, plan, liveGeneration, demand, instances, requested, lastRelied, overrides,
                failStatic, recentEvacuations, publishBlocked, retryPublishAt, dnsFallback, demandReadAt, demandTrend,
                null);
    }

    /** A state with no demand trend known (it is learnt again from the next readings). */
    public EngineState(long tick, HealthBook health, HealthReport report, List<LocationTrack> tracks, TrafficPlan plan,
                       long liveGeneration, double[] demand, int[] instances, int[] requested, long[] lastRelied,
                       Overrides overrides, boolean failStatic, List<Long> recentEvacuations, String publishBlocked,
                       long retryPublishAt, DnsFallback dnsFallback, long[] demandReadAt) {
        this(tick, health, report, tracks, plan, liveGeneration, demand, instances, requested, lastRelied, overrides,
                failStatic, recentEvacuations, publishBlocked, retryPublishAt, dnsFallback, demandReadAt, null);
    }

    /** A state whose demand was never measured (every catchment on its configured peak, or as given). */
    public EngineState(long tick, HealthBook health, HealthReport report, List<LocationTrack> tracks, TrafficPlan plan,
                       long liveGeneration, double[] demand, int[] instances, int[] requested, long[] lastRelied,
                       Overrides overrides, boolean failStatic, List<Long> recentEvacuations, String publishBlocked,
                       long retryPublishAt, DnsFallback dnsFallback) {
        this(tick, health, report, tracks, plan, liveGeneration, demand, instances, requested, lastRelied, overrides,
                failStatic, recentEvacuations, publishBlocked, retryPublishAt, dnsFallback, null);
    }

    /** A state whose DNS control plane is not known to fail (no fallback engaged). */
    public EngineState(long tick, HealthBook health, HealthReport report, List<LocationTrack> tracks, TrafficPlan plan,
                       long liveGeneration, double[] demand, int[] instances, int[] requested, long[] lastRelied,
                       Overrides overrides, boolean failStatic, List<Long> recentEvacuations, String publishBlocked,
                       long retryPublishAt) {
        this(tick, health, report, tracks, plan, liveGeneration, demand, instances, requested, lastRelied, overrides,
                failStatic, recentEvacuations, publishBlocked, retryPublishAt, DnsFallback.IDLE, null);
    }

    /**
     * This state as a restarted daemon continues it: the outcomes of a publish or a fallback change
     * in flight when the old process stopped will never arrive, so the wanted plan is due again now
     * and the fallback set is asked for again (the live set stays what was confirmed).
     */
    public EngineState afterRestart(long now) {
        boolean publishLost = plan.generation() > liveGeneration && retryPublishAt == 0 && publishBlocked == null;
        DnsFallback f = dnsFallback;
        return new EngineState(tick, health, report, tracks, plan, liveGeneration, demand, instances, requested,
                lastRelied, overrides, failStatic, recentEvacuations, publishBlocked, publishLost ? now : retryPublishAt,
                f.requested() == null ? f : f.with(f.failingSince(), f.live(), null, 0), demandReadAt, demandTrend,
                scaleBackoff);
    }

    public LocationTrack track(int location) {
        return tracks.get(location);
    }
}
