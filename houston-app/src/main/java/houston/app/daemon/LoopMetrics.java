package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.Step;
import houston.core.model.LocationState;
import houston.core.model.Topology;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's own metrics. Gauges read the loop's latest state when Prometheus scrapes (nothing
 * is computed per tick); labels are locations, states and kinds only.
 * <ul>
 *   <li>{@code houston_location_score{location}} — quorum score, NaN while unknown</li>
 *   <li>{@code houston_location_state{location,state}} — 1 for the current state, 0 for the others</li>
 *   <li>{@code houston_plan_weight{catchment,serving}} — the wanted plan's fractions</li>
 *   <li>{@code houston_plan_generation}, {@code houston_plan_live_generation}</li>
 *   <li>{@code houston_decisions_total{kind}}, {@code houston_alerts_total{kind}}</li>
 *   <li>{@code houston_dns_publishes_total{status}}, {@code houston_dns_publish_seconds}</li>
 *   <li>{@code houston_scale_actions_total{kind,status}}</li>
 *   <li>{@code houston_tick_seconds}, {@code houston_fail_static}, {@code houston_observations_dropped_total}</li>
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
            Gauge.builder("houston.location.score", loop, x -> x.state().report().score(i)).tag("location", id)
                    .register(registry);
            for (LocationState s : LocationState.values()) {
                Gauge.builder("houston.location.state", loop, x -> x.state().track(i).state() == s ? 1 : 0)
                        .tags("location", id, "state", s.name().toLowerCase(Locale.ROOT)).register(registry);
            }
            for (int s = 0; s < t.size(); s++) {
                int j = s;
                Gauge.builder("houston.plan.weight", loop, x -> x.state().plan().fraction(i, j))
                        .tags("catchment", id, "serving", t.location(s).id()).register(registry);
            }
        }
        Gauge.builder("houston.plan.generation", loop, x -> x.state().plan().generation()).register(registry);
        Gauge.builder("houston.plan.live.generation", loop, x -> x.state().liveGeneration()).register(registry);
        Gauge.builder("houston.fail.static", loop, x -> x.state().failStatic() ? 1 : 0).register(registry);
        Gauge.builder("houston.observations.dropped", loop, ControlLoop::dropped).register(registry);
        Timer tick = Timer.builder("houston.tick").description("One control-loop tick").register(registry);
        loop.onOutcome(o -> outcome(registry, o));
        loop.onTick((step, nanos) -> {
            tick.record(nanos, TimeUnit.NANOSECONDS);
            for (Action a : step.actions()) {
                count(registry, a);
            }
        });
    }

    private static void count(MeterRegistry registry, Action a) {
        if (a instanceof Action.Notify n) {
            Counter.builder("houston.decisions").tag("kind", n.decision().kind().name().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
        } else if (a instanceof Action.Alert al) {
            Counter.builder("houston.alerts").tag("kind", al.kind().name().toLowerCase(Locale.ROOT)).register(registry)
                    .increment();
        }
    }

    /** Records what became of a DNS publish or a scale action (called as outcomes arrive). */
    static void outcome(MeterRegistry registry, ActionOutcome o) {
        if (o instanceof ActionOutcome.PlanPublished p) {
            Counter.builder("houston.dns.publishes").tag("status", p.status().name().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
            Timer.builder("houston.dns.publish").description("Publish to INSYNC").register(registry).record(p.took());
        } else if (o instanceof ActionOutcome.ScaleResult s) {
            Counter.builder("houston.scale.actions").tags("kind", "up", "status", s.status().name().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
        }
    }
}
