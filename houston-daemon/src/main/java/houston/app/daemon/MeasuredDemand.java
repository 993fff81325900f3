package houston.app.daemon;

import houston.core.engine.EngineState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * What demand the engine plans each catchment on, and whether it was measured: for {@code /v1/plan}
 * and for the gauges {@code houston_demand_rps{location}}, {@code houston_demand_measured{location}}
 * (1 measured and fresh, 0 on the configured peak) and {@code houston_demand_age_seconds{location}}
 * (age of the reading planned on, NaN on the peak). Ages are taken at the last tick, the time of the
 * state they describe, so an answer does not drift between two ticks.
 */
final class MeasuredDemand {

    private MeasuredDemand() {
    }

    /** location → {rps, source: measured | configured-peak, ageSeconds (null on the peak)}. */
    static JsonObject json(ControlLoop loop) {
        EngineState s = loop.state();
        long now = tickTime(loop);
        JsonObject out = new JsonObject();
        var t = loop.engine().topology();
        for (int l = 0; l < t.size(); l++) {
            long at = s.demandReadAt()[l];
            out.put(t.location(l).id(), new JsonObject().put("rps", s.demand()[l])
                    .put("source", at > 0 ? "measured" : "configured-peak")
                    .put("ageSeconds", at > 0 ? Math.max(0, now - at) / 1000.0 : null)
                    .put("instances", s.instances()[l]));
        }
        return out;
    }

    static void bind(MeterRegistry registry, ControlLoop loop) {
        var t = loop.engine().topology();
        for (int l = 0; l < t.size(); l++) {
            int i = l;
            String id = t.location(l).id();
            Gauge.builder("houston.demand.rps", loop, x -> x.state().demand()[i])
                    .description("Requests/s the engine plans this catchment on (measured, or its configured peak)")
                    .tag("location", id).register(registry);
            Gauge.builder("houston.demand.measured", loop, x -> x.state().demandReadAt()[i] > 0 ? 1 : 0)
                    .description("1 while the catchment's demand is measured and fresh, 0 on its configured peak")
                    .tag("location", id).register(registry);
            Gauge.builder("houston.demand.age", loop, x -> age(x, i)).baseUnit("seconds")
                    .description("Age of the demand reading planned on; NaN on the configured peak")
                    .tag("location", id).register(registry);
        }
    }

    private static double age(ControlLoop loop, int l) {
        long at = loop.state().demandReadAt()[l];
        return at > 0 ? Math.max(0, tickTime(loop) - at) / 1000.0 : Double.NaN;
    }

    private static long tickTime(ControlLoop loop) {
        Instant tick = loop.lastTickAt();
        return tick == null ? 0 : tick.toEpochMilli();
    }
}
