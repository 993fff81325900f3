package houston.core.engine;

import houston.core.config.EngineConfig;
import houston.core.engine.Explanation.Thresholds;
import houston.core.health.HealthBook;
import houston.core.health.HealthReport;
import houston.core.health.LocationHealth;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import houston.core.plan.Placement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The working copy of one step: starts from the previous state, collects changes and actions,
 * and becomes the next state. Lives for one call of {@link DecisionEngine#step}; nothing outside
 * that call ever sees it, which keeps the step a pure function.
 */
final class StepContext {

    final EngineConfig config;
    final Topology topology;
    final Instant nowInstant;
    final long now;
    final LocationTrack[] tracks;
    final double[] demand;
    final long[] demandReadAt;
    /** Per catchment, how fast its demand rose between its last two readings, and the rise confirmed by the two before. */
    final DemandTrend trend;
    final int[] instances;
    final int[] requested;
    final long[] lastRelied;
    ScaleBackoff scaleBackoff;
    final List<Action> actions = new ArrayList<>();
    final List<Long> recentEvacuations;
    final HealthBook health;
    /** This tick's scores, computed before anything else reads the context. */
    final HealthReport report;
    /** The previous tick's report (null before the first), to tell what changed. */
    final HealthReport previousReport;
    Overrides overrides;
    boolean failStatic;
    long liveGeneration;
    String publishBlocked;
    long retryPublishAt;
    DnsFallback fallback;
    /**
     * Requests/s each location serves while the data plane holds locations out: the weights DNS holds,
     * their records left out (null: none is). The plan's loads do not show it: a dropped catchment is on
     * the floors, not where the plan's rows put it.
     */
    double[] servedThroughDataPlane;

    private final EngineState previous;
    private final TreeMap<Integer, double[]> changedRows = new TreeMap<>();
    private final Set<Integer> awaitingPublish = new LinkedHashSet<>();
    private final Set<String> publishReasons = new LinkedHashSet<>();

    StepContext(EngineConfig config, Topology topology, EngineState previous, HealthBook health, HealthReport report,
                Instant now) {
        this.config = config;
        this.topology = topology;
        this.previous = previous;
        this.previousReport = previous.report();
        this.health = health;
        this.report = report;
        this.nowInstant = now;
        this.now = now.toEpochMilli();
        this.tracks = previous.tracks().toArray(new LocationTrack[0]);
        this.demand = previous.demand().clone();
        this.demandReadAt = previous.demandReadAt().clone();
        this.trend = previous.demandTrend().copy();
        this.instances = previous.instances().clone();
        this.requested = previous.requested().clone();
        this.lastRelied = previous.lastRelied().clone();
        this.scaleBackoff = previous.scaleBackoff();
        this.overrides = previous.overrides();
        this.failStatic = previous.failStatic();
        this.liveGeneration = previous.liveGeneration();
        this.publishBlocked = previous.publishBlocked();
        this.retryPublishAt = previous.retryPublishAt();
        this.fallback = previous.dnsFallback();
        long windowStart = this.now - config.safety().rateWindow().toMillis();
        this.recentEvacuations = new ArrayList<>(previous.recentEvacuations().stream()
                .filter(at -> at > windowStart).toList());
    }

    String id(int location) {
        return topology.location(location).id();
    }

    /**
     * DNS publishes are failing, or the data plane holds locations out: a plan changed now could not go
     * live, it would only replace the plan the API's return must publish, and move traffic twice.
     */
    boolean dnsPublishesFailing() {
        return fallback != null && (fallback.failingSince() > 0 || fallback.engaged());
    }

    boolean dryRun() {
        return config.safety().dryRun();
    }

    /** The row of a catchment as it stands in this step (changed or not); a copy. */
    double[] row(int catchment) {
        double[] changed = changedRows.get(catchment);
        return changed != null ? changed.clone() : previous.plan().row(catchment);
    }

    /**
     * Replaces a catchment's row in the plan this step will publish; true when that moves some share
     * by more than {@link TrafficPlan#DUST}. A row as it stands is no change: publishing it would be a
     * new generation (a DNS change batch, a confirmation to wait for) that moves nobody.
     */
    boolean changeRow(int catchment, double[] row, String reason) {
        if (!ReadyRoom.changed(row(catchment), row)) {
            return false;
        }
        changedRows.put(catchment, row.clone());
        publishReasons.add(reason);
        return true;
    }

    /** Location {@code l} waits for this step's plan to be live. */
    void awaitPublish(int l) {
        awaitingPublish.add(l);
    }

    void notify(int location, DecisionKind kind, String summary, List<Placement> placements, List<String> notes) {
        actions.add(new Action.Notify(decision(location, kind, summary, placements, notes)));
    }

    /** A message about {@code location} told in another location's incident (a receiver in its evacuee's thread). */
    void notifyIn(String incident, int location, DecisionKind kind, String summary) {
        actions.add(new Action.Notify(decision(incident, location, kind, summary, List.of(), List.of())));
    }

    /** The id of a new incident of {@code location}: where and when it started. */
    String newIncident(int location) {
        return incident(id(location), nowInstant);
    }

    /** An incident's id: its location and the second Houston first saw it (or started with it evacuated). */
    static String incident(String location, Instant at) {
        return location + "@" + at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    void alert(AlertKind kind, int location, DecisionKind decisionKind, String message) {
        actions.add(new Action.Alert(kind, message, decision(location, decisionKind, message, List.of(), List.of())));
    }

    /** A decision about {@code location} (or global when negative) with its evidence from this tick. */
    Decision decision(int location, DecisionKind kind, String summary, List<Placement> placements,
                      List<String> notes) {
        return decision(location >= 0 ? tracks[location].incident() : null, location, kind, summary, placements, notes);
    }

    private Decision decision(String incident, int location, DecisionKind kind, String summary,
                              List<Placement> placements, List<String> notes) {
        LocationHealth evidence = location >= 0 && report != null ? report.location(location) : null;
        String where = location >= 0 ? id(location) : Decision.GLOBAL;
        return new Decision(nowInstant, where, kind, incident, summary, dryRun(),
                new Explanation(evidence, thresholds(), placements, notes));
    }

    Thresholds thresholds() {
        var h = config.hysteresis();
        return new Thresholds(config.health().quorum(), h.downThreshold(), h.upThreshold(), h.deadThreshold(),
                h.downHold().toSeconds(), h.upHold().toSeconds());
    }

    /** True when, as the plan stands in this step, another catchment has traffic on {@code serving}. */
    boolean carriesOthers(int serving) {
        for (int c = 0; c < topology.size(); c++) {
            if (c != serving) {
                double[] r = changedRows.get(c);
                if ((r != null ? r[serving] : previous.plan().fraction(c, serving)) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The plan the engine wanted live when this step began. */
    TrafficPlan wantedPlan() {
        return previous.plan();
    }

    /** True when no row changed in this step and the plan the engine wants is confirmed live in DNS. */
    boolean wantedPlanLive() {
        return changedRows.isEmpty() && liveGeneration >= previous.plan().generation();
    }

    /** True when {@code l}'s row changed in this step and it waits for the publish the step ends with. */
    boolean awaitsPublish(int l) {
        return awaitingPublish.contains(l);
    }

    /** Publishes this step's row changes as one new plan generation, and builds the next state. */
    EngineState finish(EngineState previousState) {
        TrafficPlan plan = previousState.plan();
        boolean retryDue = retryPublishAt > 0 && now >= retryPublishAt && plan.generation() > liveGeneration;
        // Rows changed and changed back within the step leave the plan as it was: no new generation.
        changedRows.entrySet().removeIf(e -> !ReadyRoom.changed(previousState.plan().row(e.getKey()), e.getValue()));
        if (!changedRows.isEmpty()) {
            plan = plan.withRows(changedRows);
            for (int l : awaitingPublish) {
                tracks[l] = tracks[l].awaiting(plan.generation());
            }
        }
        if (!changedRows.isEmpty() || retryDue) {
            retryPublishAt = 0;
            if (dryRun()) {
                liveGeneration = plan.generation();
            } else if (publishBlocked == null) {
                String reason = retryDue && changedRows.isEmpty() ? "retry: the last publish is not confirmed live"
                        : String.join("; ", publishReasons);
                actions.add(new Action.PublishPlan(plan, reason));
                fallback = fallback.sending(plan);
            }
        }
        return new EngineState(previousState.tick() + 1, health, report, List.of(tracks), plan, liveGeneration,
                demand, instances, requested, lastRelied, overrides, failStatic, recentEvacuations, publishBlocked,
                retryPublishAt, fallback, demandReadAt, trend, scaleBackoff);
    }
}
