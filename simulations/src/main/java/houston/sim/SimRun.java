package houston.sim;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.Inputs;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.health.ServiceSignal;
import houston.core.health.SignalStatus;
import houston.core.plan.FallbackReceivers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * One policy against one simulated world, in virtual time. Events: the policy's tick (the
 * world advances, KPIs accrue, the policy decides, its actions start), one probe per vantage and
 * location every probe interval plus jitter (its result delivered when it ends), service signals
 * every 15 s (delivered after their delay), the control-plane watch's reads (a policy that watches), and the
 * completions of DNS publishes and scale-ups. Everything random comes from the seed, so a run is reproducible.
 */
final class SimRun {

    private static final int TICK = 0;
    private static final int PROBE = 1;
    private static final int SIGNALS = 2;
    private static final int DONE = 3;
    private static final int WATCH = 4;
    private static final long SIGNAL_INTERVAL_MS = 15_000;

    private final Scenario scenario;
    private final HoustonSetup setup;
    private final Policy policy;
    private final SimWorld world;
    private final KpiRecorder kpis;
    private final SplittableRandom probeRandom;
    private final SplittableRandom worldRandom;
    private final EventQueue queue = new EventQueue();
    private final long startEpochMs;
    private final List<String> vantages;
    private final List<Observation> observations = new ArrayList<>();
    private final List<ServiceSignal> signals = new ArrayList<>();
    private final List<ActionOutcome> outcomes = new ArrayList<>();
    private final Completions completions = new Completions();
    private final SplittableRandom watchRandom;
    private final DemandReadings demandReadings;
    private final ActionEffects effects;
    private long lastTick;

    SimRun(Scenario scenario, HoustonSetup setup, Policy policy, SimWorld world, SplittableRandom random) {
        this.scenario = scenario;
        this.setup = setup;
        this.policy = policy;
        this.world = world;
        this.probeRandom = random.split();
        this.worldRandom = random.split();
        this.startEpochMs = scenario.start().toEpochMilli();
        this.vantages = setup.engine().health().vantages();
        DnsAnswers answers = new DnsAnswers(world, new DataPlaneAnswers(policy.floorsFallbackReceivers()
                ? new FallbackReceivers(world.topology(), setup.engine().planner()) : null));
        this.kpis = new KpiRecorder(world, scenario.sample().toMillis(), scenario.farKm(), answers.homeShares());
        answers.onShift(kpis::shifted);
        // Split last, so the probe and world randomness stay what they were before DNS calls drew any.
        this.effects = new ActionEffects(scenario, setup, policy, world, kpis, answers, random.split(), outcomes,
                this::later);
        this.watchRandom = random.split();
        this.demandReadings = new DemandReadings(world, startEpochMs, random.split());
    }

    /** Runs to the end; {@code progress} hears the simulated milliseconds done now and then. */
    RunResult run(LongConsumer progress) {
        long end = scenario.length().toMillis();
        queue.push(0, TICK << 24);
        if (policy.wantsProbes()) {
            long interval = setup.probes().interval().toMillis();
            for (int v = 0; v < vantages.size(); v++) {
                for (int l = 0; l < world.size(); l++) {
                    queue.push(probeRandom.nextLong(interval), PROBE << 24 | (v * world.size() + l));
                }
            }
        }
        long watchEvery = setup.dnsApi().controlPlaneWatch().toMillis();
        if (policy.watchesControlPlane() && watchEvery > 0) {
            queue.push(watchEvery, WATCH << 24);
        }
        if (policy.wantsProbes() && scenario.signals()) {
            queue.push(SIGNAL_INTERVAL_MS, SIGNALS << 24);
        }
        long reportEvery = Math.max(1, end / 200);
        long nextReport = 0;
        long events = 0;
        while (!queue.isEmpty() && queue.peekTime() <= end) {
            long ms = queue.peekTime();
            int event = queue.pop();
            events++;
            int type = event >>> 24;
            int index = event & 0xFFFFFF;
            switch (type) {
                case TICK -> tick(ms);
                case PROBE -> probe(ms, index);
                case SIGNALS -> signals(ms);
                case WATCH -> watch(ms);
                default -> completions.run(index);
            }
            if (ms >= nextReport) {
                progress.accept(ms);
                nextReport = ms + reportEvery;
            }
        }
        progress.accept(end);
        return new RunResult(policy.name(), kpis.kpis(), kpis.series(), events);
    }

    private Instant at(long ms) {
        return Instant.ofEpochMilli(startEpochMs + ms);
    }

    private void tick(long ms) {
        world.advance(ms);
        kpis.tick(ms, (ms - lastTick) / 1000.0);
        lastTick = ms;
        policy.measured(demandReadings.at(ms), runningInstances());
        kpis.outcomes(ms, outcomes);
        List<Action> actions = policy.tick(at(ms), List.copyOf(observations), List.copyOf(signals),
                List.copyOf(outcomes));
        observations.clear();
        signals.clear();
        outcomes.clear();
        actions.forEach(effects.at(ms)::execute);
        queue.push(ms + setup.tick().toMillis(), TICK << 24);
    }

    /** Ready instances per location, as the scaler's status reports them. */
    private List<Inputs.CapacityReading> runningInstances() {
        List<Inputs.CapacityReading> out = new ArrayList<>(world.size());
        for (int l = 0; l < world.size(); l++) {
            out.add(new Inputs.CapacityReading(world.topology().location(l).id(), world.instances(l)));
        }
        return out;
    }

    /**
     * One read of the control plane, as the daemon's watch makes it: a single call, no retry, refused
     * as any call is (a read spends the same request rate a throttle limits); heard when it returns.
     */
    private void watch(long ms) {
        boolean ok = !effects.refused(ms, watchRandom);
        Inputs.ControlPlaneReading reading = new Inputs.ControlPlaneReading(startEpochMs + ms, ok, ok ? ""
                : effects.refusal(ms));
        long heard = ms + DnsPublishModel.CALL_MS;
        later(heard, () -> {
            policy.watched(List.of(reading));
            kpis.watched(heard, List.of(reading));
        });
        queue.push(ms + setup.dnsApi().controlPlaneWatch().toMillis(), WATCH << 24);
    }

    private void later(long ms, Runnable completion) {
        queue.push(ms, DONE << 24 | completions.hold(completion));
    }

    private void probe(long ms, int index) {
        int n = world.size();
        int v = index / n;
        int l = index % n;
        String vantage = vantages.get(v);
        long timeout = setup.probes().timeout().toMillis();
        Outcome outcome = world.active(Fault.Kind.PARTITION, vantage, ms) ? Outcome.TIMEOUT
                : world.probe(l, ms, scenario.probeLoss(), setup.probes().latencyObjective().toMillis(), timeout,
                probeRandom);
        // The engine hears of a probe when it ends: a blackholed location costs the whole timeout.
        long cost = world.probeCostMs(l, ms, outcome, timeout);
        Observation seen = new Observation(vantage, world.topology().location(l).id(), "canary", at(ms + cost),
                outcome, Duration.ofMillis(cost));
        later(ms + cost, () -> observations.add(seen));
        long jitter = setup.probes().jitter().toMillis();
        queue.push(ms + setup.probes().interval().toMillis() + (jitter > 0 ? probeRandom.nextLong(jitter + 1) : 0),
                PROBE << 24 | index);
    }

    /**
     * What the services' own monitoring reports: errors they see from the inside (none from a dead
     * location), reaching the engine {@code signal-delay} later, some lost on the way.
     */
    private void signals(long ms) {
        List<ServiceSignal> batch = new ArrayList<>();
        for (int l = 0; l < world.size(); l++) {
            String id = world.topology().location(l).id();
            boolean lost = worldRandom.nextDouble() < scenario.signalLoss();
            if (lost || world.locationFaulted(l, ms) && world.faultError(l, ms) >= 1.0) {
                continue;
            }
            double err = world.faultError(l, ms);
            SignalStatus status = err >= 0.05 ? SignalStatus.FAILING
                    : err >= 0.01 ? SignalStatus.DEGRADED : SignalStatus.HEALTHY;
            batch.add(new ServiceSignal(id, "web", status, String.format(java.util.Locale.ROOT,
                    "%.1f%% errors", err * 100), at(ms)));
        }
        later(ms + scenario.signalDelay().toMillis(), () -> signals.addAll(batch));
        queue.push(ms + SIGNAL_INTERVAL_MS, SIGNALS << 24);
    }
}
