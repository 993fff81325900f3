package houston.sim;

import houston.core.engine.Action;
import houston.core.engine.ActionHandlers;
import houston.core.engine.ActionOutcome;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.model.TrafficPlan;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the actions a policy decides do to the simulated world: plans published through the DNS
 * API as the daemon's adapter calls it, the data-plane fallback, pre-scales and scale-downs, and
 * what people are told. An effect that takes time lands later as a completion on the run's event
 * queue; what the policy hears of it joins the outcomes of its next tick.
 */
final class ActionEffects {

    /** Runs {@code completion} at simulated {@code ms}, as the run's event queue does. */
    interface Later {
        void at(long ms, Runnable completion);
    }

    private final Scenario scenario;
    private final HoustonSetup setup;
    private final Policy policy;
    private final SimWorld world;
    private final KpiRecorder kpis;
    private final DnsAnswers answers;
    private final DnsPublishModel dnsAdapter;
    private final SplittableRandom dnsRandom;
    private final List<ActionOutcome> outcomes;
    private final Later later;
    /** The adapter publishes one plan at a time, on its own thread: the next starts when this one ends. */
    private long dnsBusyUntil;
    /** The newest plan generation the zone accepted. */
    private long zoneGeneration;

    /**
     * @param dnsRandom the DNS API's throttle draws
     * @param outcomes  where what the policy hears back is added, for its next tick
     */
    ActionEffects(Scenario scenario, HoustonSetup setup, Policy policy, SimWorld world, KpiRecorder kpis,
                  DnsAnswers answers, SplittableRandom dnsRandom, List<ActionOutcome> outcomes, Later later) {
        this.scenario = scenario;
        this.setup = setup;
        this.policy = policy;
        this.world = world;
        this.kpis = kpis;
        this.answers = answers;
        this.dnsAdapter = new DnsPublishModel(setup.dnsApi());
        this.dnsRandom = dnsRandom;
        this.outcomes = outcomes;
        this.later = later;
    }

    /** The handlers of the actions a tick decided at {@code ms}. */
    ActionHandlers at(long ms) {
        return new WorldEffects(ms);
    }

    /** The effects of the actions a tick decided at {@code ms}. */
    private final class WorldEffects implements ActionHandlers {
        private final long ms;

        WorldEffects(long ms) {
            this.ms = ms;
        }

        @Override
        public void publishPlan(Action.PublishPlan p) {
            publish(ms, p.plan());
        }

        @Override
        public void engageFallback(Action.EngageFallback f) {
            fallback(ms, f);
        }

        @Override
        public void preScale(Action.PreScale s) {
            ActionEffects.this.preScale(ms, s);
        }

        @Override
        public void scaleDown(Action.ScaleDown d) {
            world.scaleDown(world.topology().indexOf(d.location()), d.instances());
        }

        @Override
        public void tell(Action.Notify notify) {
            kpis.decision(ms, notify.decision());
        }

        @Override
        public void alert(Action.Alert alert) {
            kpis.alert(ms, alert.kind(), alert.decision(), alert.message());
        }
    }

    /** The calls the daemon's DNS adapter makes, each attempt refused while the API is down or throttled. */
    private void publish(long ms, TrafficPlan plan) {
        if (!policy.usesDnsApi()) {
            answers.publish(ms, plan);
            return;
        }
        long start = Math.max(ms, dnsBusyUntil);
        java.util.function.LongPredicate refused = t -> refused(t, dnsRandom);
        DnsPublishModel.Result r = dnsAdapter.publish(start, plan.generation(), plan.generation() <= zoneGeneration,
                scenario.dnsLatency().toMillis(), refused, dnsRandom);
        dnsBusyUntil = r.doneMs();
        if (r.liveAtMs() >= 0) {
            zoneGeneration = Math.max(zoneGeneration, plan.generation());
            later.at(r.liveAtMs(), () -> answers.publish(r.liveAtMs(), plan));
        }
        Duration took = Duration.ofMillis(r.doneMs() - ms);
        String refusal = refusal(r.doneMs());
        later.at(r.doneMs(), () -> outcomes.add(new ActionOutcome.PlanPublished(plan.generation(), r.status(),
                switch (r.status()) {
                    case FAILED -> refusal;
                    case ACCEPTED -> "change accepted, INSYNC not confirmed yet (" + refusal + ")";
                    default -> "";
                }, took)));
    }

    /** Whether one API call at {@code t} is refused: always while the API is down, at the throttle's rate while throttled. */
    boolean refused(long t, SplittableRandom random) {
        return world.anyActive(Fault.Kind.DNS_OUTAGE, t) || world.amount(Fault.Kind.DNS_THROTTLE, t) > 0
                && random.nextDouble() < world.amount(Fault.Kind.DNS_THROTTLE, t);
    }

    String refusal(long t) {
        return world.anyActive(Fault.Kind.DNS_OUTAGE, t) ? "DNS API unavailable" : "Throttling: Rate exceeded";
    }

    /**
     * The data-plane fallback: its call returns at once (the health endpoint or a routing control
     * changes), Route 53 acts on it {@link DataPlaneAnswers#delayMs} later.
     */
    private void fallback(long ms, Action.EngageFallback f) {
        outcomes.add(new ActionOutcome.FallbackEngaged(f.locations(), true, "simulated data plane"));
        long effective = ms + DataPlaneAnswers.delayMs(setup);
        List<String> locations = List.copyOf(f.locations());
        later.at(effective, () -> answers.drop(effective, locations));
    }

    private void preScale(long ms, Action.PreScale s) {
        int l = world.topology().indexOf(s.location());
        if (world.anyActive(Fault.Kind.SCALER_FAIL, ms)) {
            later.at(ms + 30_000, () -> outcomes.add(new ActionOutcome.ScaleResult(s.location(), s.instances(),
                    ScaleStatus.FAILED, "scaler error (drill fault)")));
            return;
        }
        double slow = Math.max(1.0, world.amount(Fault.Kind.SCALER_SLOW, ms));
        long lead = world.instances(l) >= s.instances() ? 0
                : (long) (world.topology().location(l).capacity().scaleUpLeadTime().toMillis() * slow);
        long timeout = setup.scaleReadyTimeout().toMillis();
        if (lead > timeout) {
            later.at(ms + timeout, () -> outcomes.add(new ActionOutcome.ScaleResult(s.location(), s.instances(),
                    ScaleStatus.TIMED_OUT, "not ready after " + timeout / 1000 + "s")));
            later.at(ms + lead, () -> world.ready(l, s.instances()));
            return;
        }
        later.at(ms + lead, () -> {
            world.ready(l, s.instances());
            outcomes.add(new ActionOutcome.ScaleResult(s.location(), world.instances(l), ScaleStatus.READY, ""));
        });
    }
}
