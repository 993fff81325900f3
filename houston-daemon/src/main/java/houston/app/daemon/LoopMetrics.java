package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.ActionHandlers;
import houston.core.engine.ActionOutcome;
import houston.core.engine.AlertKind;
import houston.core.engine.DecisionKind;
import houston.core.engine.Step;
import houston.core.health.HealthReport;
import houston.core.model.LocationState;
import houston.core.model.Topology;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's own metrics. Gauges read the loop's latest state when Prometheus scrapes (nothing
 * is computed per tick); labels are locations, states and kinds only.
 * <ul>
 *   <li>{@code houston_location_score{location}} — quorum score, NaN while unknown</li>
 *   <li>{@code houston_location_state{location,state}} — 1 for the current state, 0 for the others</li>
 *   <li>{@code houston_plan_weight{catchment,serving}} — the wanted plan's fractions</li>
 *   <li>{@code houston_location_home_fraction{location}} — share of its own catchment it serves</li>
 *   <li>{@code houston_plan_generation}, {@code houston_plan_live_generation}</li>
 *   <li>{@code houston_decisions_total{kind}}, {@code houston_alerts_total{kind}}</li>
 *   <li>{@code houston_dns_publishes_total{status}}, {@code houston_dns_publish_seconds}</li>
 *   <li>{@code houston_scale_actions_total{kind,status}}</li>
 *   <li>{@code houston_tick_seconds}, {@code houston_fail_static}, {@code houston_observations_dropped_total}</li>
 *   <li>{@code houston_tick_failures_total} — ticks whose step threw (alerted once per run; inputs kept)</li>
 *   <li>{@code houston_last_tick_timestamp_seconds} — when the loop last ticked (alert: not ticking)</li>
 *   <li>{@code houston_location_instances{location}} — instances the engine counts on (as built, or
 *       confirmed ready after a pre-scale)</li>
 *   <li>{@code houston_vantage_evidence_locations{vantage}} — locations this vantage has enough recent
 *       probes of to vote (0: the vantage is silent), {@code houston_vantage_suspect{vantage}} — 1 while
 *       it is discounted as a broken observer</li>
 *   <li>{@code houston_demand_rps{location}}, {@code houston_demand_measured{location}},
 *       {@code houston_demand_age_seconds{location}} — see {@link MeasuredDemand}</li>
 *   <li>{@code houston_journal_last_write_seconds} — the last journal append, fsync included;
 *       {@code houston_journal_last_write_timestamp_seconds} — when it finished</li>
 * </ul>
 */
public final class LoopMetrics {

    private LoopMetrics() {
    }

    public static void bind(MeterRegistry registry, ControlLoop loop) {
        Topology t = loop.engine().topology();
        for (int l = 0; l < t.size(); l++) {
            int i = l;
            String id = t.location(l).id();
            Gauge.builder("houston.location.home.fraction", loop, x -> x.state().plan().fraction(i, i))
                    .description("Share of its own catchment the location serves").tag("location", id)
                    .register(registry);
            Gauge.builder("houston.location.instances", loop, x -> x.state().instances()[i])
                    .description("Instances the engine counts on").tag("location", id).register(registry);
            Gauge.builder("houston.location.score", loop, x -> x.state().report().score(i))
                    .description("Quorum score 0..1, NaN while unknown").tag("location", id)
                    .register(registry);
            for (LocationState s : LocationState.values()) {
                Gauge.builder("houston.location.state", loop, x -> x.state().track(i).state() == s ? 1 : 0)
                        .description("1 for the location's current state, 0 for the others").tags("location", id, "state", s.name().toLowerCase(Locale.ROOT)).register(registry);
            }
            for (int s = 0; s < t.size(); s++) {
                int j = s;
                Gauge.builder("houston.plan.weight", loop, x -> x.state().plan().fraction(i, j))
                        .description("Fraction of a catchment's traffic the wanted plan sends to a location")
                        .tags("catchment", id, "serving", t.location(s).id()).register(registry);
            }
        }
        MeasuredDemand.bind(registry, loop);
        Gauge.builder("houston.plan.generation", loop, x -> x.state().plan().generation())
                .description("Generation of the plan Houston wants live").register(registry);
        Gauge.builder("houston.plan.live.generation", loop, x -> x.state().liveGeneration())
                .description("Generation of the plan DNS holds").register(registry);
        Gauge.builder("houston.fail.static", loop, x -> x.state().failStatic() ? 1 : 0)
                .description("1 while Houston fails static (acts on nothing)").register(registry);
        FunctionCounter.builder("houston.tick.failures", loop, ControlLoop::tickFailures)
                .description("Control-loop ticks whose step threw; their inputs were stepped again later")
                .register(registry);
        Gauge.builder("houston.observations.dropped", loop, ControlLoop::dropped)
                .description("Observations dropped because the loop inbox was full").register(registry);
        List<String> vantages = loop.engine().config().health().vantages();
        for (String vantage : vantages) {
            Gauge.builder("houston.vantage.evidence.locations", loop, x -> evidence(x.state().report(), vantage))
                    .description("Locations this vantage has enough recent probes of to vote").tag("vantage", vantage)
                    .register(registry);
            Gauge.builder("houston.vantage.suspect", loop, x -> suspect(x.state().report(), vantage))
                    .description("1 while this vantage is discounted as a broken observer").tag("vantage", vantage)
                    .register(registry);
        }
        AtomicLong lastTick = new AtomicLong();
        Gauge.builder("houston.last.tick.timestamp", lastTick, x -> x.get() / 1000.0).baseUnit("seconds")
                .description("When the control loop last ticked (Unix time)").register(registry);
        Timer tick = Timer.builder("houston.tick").description("One control-loop tick").register(registry);
        registerCountersAtZero(registry);
        loop.onOutcome(o -> outcome(registry, o));
        loop.onTick((step, nanos) -> {
            lastTick.set(System.currentTimeMillis());
            tick.record(nanos, TimeUnit.NANOSECONDS);
            ActionHandlers counted = new DecisionsAndAlerts(registry);
            step.actions().forEach(counted::execute);
        });
    }

    /**
     * Every counter the loop increments, at 0 before its first event: otherwise the series is
     * missing until then, and a rate() or an alert on it cannot see the first increment.
     */
    static void registerCountersAtZero(MeterRegistry registry) {
        for (DecisionKind kind : DecisionKind.values()) {
            decisions(kind).register(registry);
        }
        for (AlertKind kind : AlertKind.values()) {
            alerts(kind).register(registry);
        }
        for (ActionOutcome.PublishStatus status : ActionOutcome.PublishStatus.values()) {
            publishes(status).register(registry);
        }
        for (ActionOutcome.ScaleStatus status : ActionOutcome.ScaleStatus.values()) {
            scaleActions(status).register(registry);
        }
        publishTimer().register(registry);
    }

    private static Counter.Builder decisions(DecisionKind kind) {
        return Counter.builder("houston.decisions").description("Decisions the engine made, by kind")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT));
    }

    private static Counter.Builder alerts(AlertKind kind) {
        return Counter.builder("houston.alerts").description("Alerts raised to humans, by kind")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT));
    }

    private static Counter.Builder publishes(ActionOutcome.PublishStatus status) {
        return Counter.builder("houston.dns.publishes").description("Plan publishes to DNS, by outcome")
                .tag("status", status.name().toLowerCase(Locale.ROOT));
    }

    private static Counter.Builder scaleActions(ActionOutcome.ScaleStatus status) {
        return Counter.builder("houston.scale.actions").description("Scale actions sent to the scaler, by direction and outcome")
                .tags("kind", "up", "status", status.name().toLowerCase(Locale.ROOT));
    }

    private static Timer.Builder publishTimer() {
        return Timer.builder("houston.dns.publish").description("Publish to INSYNC");
    }

    /** The journal's lag behind the loop. */
    static void bindJournal(MeterRegistry registry, JsonlJournal journal) {
        Gauge.builder("houston.journal.last.write", journal, j -> j.lastWriteNanos() / 1e9).baseUnit("seconds")
                .description("Duration of the last journal append, fsync included").register(registry);
        Gauge.builder("houston.journal.last.write.timestamp", journal, j -> j.lastWriteMillis() / 1000.0)
                .baseUnit("seconds").description("When the journal was last written (Unix time)").register(registry);
    }

    private static double evidence(HealthReport report, String vantage) {
        int v = report == null ? -1 : report.voters().indexOf(vantage);
        if (v < 0) {
            return 0;
        }
        int seen = 0;
        for (double score : report.voterScores()[v]) {
            if (!Double.isNaN(score)) {
                seen++;
            }
        }
        return seen;
    }

    private static double suspect(HealthReport report, String vantage) {
        int v = report == null ? -1 : report.voters().indexOf(vantage);
        return v >= 0 && report.suspectVoters()[v] ? 1 : 0;
    }

    /**
     * Counts the decisions and alerts among a tick's actions. Publishes and scale actions are counted
     * by their outcomes instead ({@link #outcome}): what matters is what became of them. Through the
     * one dispatch, so a new kind of action must decide here whether it is counted.
     */
    private record DecisionsAndAlerts(MeterRegistry registry) implements ActionHandlers {

        @Override
        public void tell(Action.Notify notify) {
            decisions(notify.decision().kind()).register(registry).increment();
        }

        @Override
        public void alert(Action.Alert alert) {
            alerts(alert.kind()).register(registry).increment();
        }

        @Override
        public void publishPlan(Action.PublishPlan publish) {
        }

        @Override
        public void engageFallback(Action.EngageFallback fallback) {
        }

        @Override
        public void preScale(Action.PreScale preScale) {
        }

        @Override
        public void scaleDown(Action.ScaleDown scaleDown) {
        }
    }

    /** Records what became of a DNS publish or a scale action (called as outcomes arrive). */
    static void outcome(MeterRegistry registry, ActionOutcome o) {
        if (o instanceof ActionOutcome.PlanPublished p) {
            publishes(p.status()).register(registry).increment();
            publishTimer().register(registry).record(p.took());
        } else if (o instanceof ActionOutcome.ScaleResult s) {
            scaleActions(s.status()).register(registry).increment();
        }
    }
}
