package houston.core.engine;

import houston.core.config.EngineConfig;
import houston.core.health.HealthBook;
import houston.core.health.HealthReport;
import houston.core.health.QuorumHealthScorer;
import houston.core.model.Location;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import houston.core.plan.FallbackReceivers;
import houston.core.plan.NearestCapacityPlanner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Houston's decision engine: {@code step(state, inputs, now) → (next state, actions)}.
 *
 * <p>Pure and deterministic: no I/O, no clock, no randomness; time is the {@code now} argument.
 * The daemon, the CLI and the simulator run this same code, and a journal of inputs replays to
 * the same actions. One step runs, in order:
 * <ol>
 *   <li>fold the tick's observations and signals into the {@link HealthBook};</li>
 *   <li>score every location by quorum ({@link QuorumHealthScorer});</li>
 *   <li>apply readings and action outcomes (DNS live generation, receivers ready or failed, the
 *       DNS control-plane watch);</li>
 *   <li>apply operator commands, then expire overrides whose time is up;</li>
 *   <li>engage or release fail-static;</li>
 *   <li>advance each location's state machine in id order (so two evacuations in one tick see
 *       each other's load);</li>
 *   <li>move other catchments off any location that may no longer receive ({@link ReceiverDrain});</li>
 *   <li>engage, change or release the DNS data-plane fallback when publishes keep failing
 *       ({@link DnsFallbackTracker});</li>
 *   <li>publish every row changed this tick as one new plan generation.</li>
 * </ol>
 * Cost per step is O(observations + voters × locations) on a quiet tick; a tick that moves
 * traffic adds O(locations²) to recompute loads.
 */
public final class DecisionEngine {

    private final EngineConfig config;
    private final Topology topology;
    private final QuorumHealthScorer scorer;
    private final SafetyPolicy safety;
    private final LocationStateMachine machine;
    private final CommandIntake commands = new CommandIntake();
    private final OutcomeIntake outcomes;
    private final ScaleDownPolicy scaleDown;
    private final ReceiverDrain drain;
    private final OwnSpill ownSpill = new OwnSpill();
    private final ReceiverRelief relief = new ReceiverRelief();
    private final DnsFallbackTracker fallback;

    public DecisionEngine(EngineConfig config, Topology topology) {
        this.config = config;
        this.topology = topology;
        this.scorer = new QuorumHealthScorer(config.health().quorum(), config.hysteresis().downThreshold(),
                config.health().suspectVantageFraction());
        this.safety = new SafetyPolicy(config.safety());
        NearestCapacityPlanner planner = new NearestCapacityPlanner(topology, config.planner());
        this.drain = new ReceiverDrain(planner);
        this.scaleDown = new ScaleDownPolicy(planner);
        this.outcomes = new OutcomeIntake(drain);
        this.fallback = new DnsFallbackTracker(new DataPlaneRoom(new FallbackReceivers(topology, config.planner())));
        this.machine = new LocationStateMachine(config.hysteresis(), safety, new TrafficMover(planner, drain),
                new Reconsolidation(planner), new ShortfallReplan(drain));
    }

    public EngineConfig config() {
        return config;
    }

    public Topology topology() {
        return topology;
    }

    /** Every location healthy and home, demand at peak, instances as configured; nothing live yet. */
    public EngineState initialState(Instant now) {
        return initialState(now, TrafficPlan.identity(topology.ids(), 0), 0);
    }

    /**
     * A start from a known plan (read back from DNS): locations whose catchment is not at home
     * start EVACUATED with that row, so a restart neither forgets an evacuation nor flaps back. Its
     * incident is dated by this start, as a new one is by its first sign: one id shared by every
     * restart once threaded a later, unrelated outage under an old incident.
     */
    public EngineState initialState(Instant now, TrafficPlan livePlan, long liveGeneration) {
        long t = now.toEpochMilli();
        List<LocationTrack> tracks = new ArrayList<>();
        double[] demand = new double[topology.size()];
        int[] instances = new int[topology.size()];
        for (int l = 0; l < topology.size(); l++) {
            Location location = topology.location(l);
            demand[l] = location.peakDemandRps();
            instances[l] = location.capacity().instances();
            LocationTrack track = LocationTrack.healthy(t);
            if (!livePlan.isHome(l)) {
                track = track.enter(houston.core.model.LocationState.EVACUATED, t)
                        .withEvacuation(StepContext.incident(location.id(), now), livePlan.row(l), List.of(), 0);
            }
            tracks.add(track);
        }
        HealthBook health = HealthBook.empty(config.health().vantages(), topology.ids());
        var report = scorer.score(health.voters(), health.voterScores(t, config.health(), greyScore()));
        return new EngineState(0, health, report, tracks, livePlan, liveGeneration, demand, instances,
                new int[topology.size()], new long[topology.size()], Overrides.NONE, false, List.of(), null, 0,
                DnsFallback.IDLE.holding(livePlan), null);
    }

    /**
     * True when {@code state} is what {@link #initialState(Instant, TrafficPlan, long)} would give
     * from its own plan, but for probe history: every location healthy with no incident, every
     * catchment at home and live, no override, no fail-static, no evacuation in the rate window,
     * no scale pending and every location at its own size. A journal may then start replaying
     * here instead of at the daemon's start, which bounds restart time. O(locations).
     */
    public boolean isQuiet(EngineState state) {
        if (state.failStatic() || !state.overrides().equals(Overrides.NONE) || !state.recentEvacuations().isEmpty()
                || state.publishBlocked() != null || state.liveGeneration() != state.plan().generation()
                || !state.dnsFallback().idle()) {
            return false;
        }
        for (int l = 0; l < topology.size(); l++) {
            LocationTrack t = state.track(l);
            if (t.state() != houston.core.model.LocationState.HEALTHY || t.incident() != null || !state.plan().isHome(l)
                    || state.requested()[l] != 0
                    || state.instances()[l] != topology.location(l).capacity().instances()) {
                return false;
            }
        }
        return true;
    }

    /** One tick. {@code inputs} is everything that happened since the previous tick. */
    public Step step(EngineState state, Inputs inputs, Instant now) {
        long t = now.toEpochMilli();
        HealthBook health = state.health().record(inputs.observations(), inputs.signals(), t, config.health());
        // Scored first: a receiver that failed to grow is re-planned onto locations scored eligible now.
        HealthReport report = scorer.score(health.voters(), health.voterScores(t, config.health(), greyScore()));
        StepContext ctx = new StepContext(config, topology, state, health, report, now);
        outcomes.readings(ctx, inputs.demand(), inputs.capacity());
        outcomes.apply(ctx, inputs.outcomes());
        fallback.outcomes(ctx, inputs.outcomes());
        fallback.watched(ctx, inputs.controlPlane());
        fallback.served(ctx);
        commands.apply(ctx, inputs.commands());
        commands.expire(ctx);
        safety.updateFailStatic(ctx);
        for (int l = 0; l < topology.size(); l++) {
            machine.advance(ctx, l);
        }
        drain.apply(ctx);
        relief.apply(ctx);
        ownSpill.apply(ctx);
        scaleDown.apply(ctx);
        fallback.decide(ctx);
        EngineState next = ctx.finish(state);
        return new Step(next, ctx.actions);
    }

    /**
     * What a vantage that sees a grey failure scores: midway between dead and down, so the location is
     * evacuated (bad) but its receivers are pre-scaled first (not dead: most of its requests still succeed).
     */
    private double greyScore() {
        return (config.hysteresis().downThreshold() + config.hysteresis().deadThreshold()) / 2;
    }
}
