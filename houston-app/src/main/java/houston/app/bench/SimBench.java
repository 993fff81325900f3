package houston.app.bench;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.sim.Drill;
import houston.sim.Fault;
import houston.sim.HoustonSetup;
import houston.sim.Objectives;
import houston.sim.Route53Baseline;
import houston.sim.RunResult;
import houston.sim.Scenario;
import houston.sim.TtlModel;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code houston bench sim}: 24 simulated hours of the default 15 locations at a 1 s tick, with
 * Houston's engine in the loop (probes from three vantages every second, service signals, two
 * outages on the way), timed on the wall clock. Goal: under 5 s.
 */
public final class SimBench {

    private SimBench() {
    }

    public static void run(PrintWriter out, int hours) {
        HoustonSettings settings = HoustonConfigLoader.load(null);
        HoustonSetup setup = new HoustonSetup(settings.engine(), settings.probes(), settings.topology(),
                settings.tick(), settings.scaler().readyTimeout());
        List<Fault> faults = List.of(
                new Fault(Fault.Kind.OUTAGE, "us-east-1", Duration.ofHours(2), Duration.ofMinutes(45), 0),
                new Fault(Fault.Kind.DEGRADE, "eu-west-1", Duration.ofHours(14), Duration.ofMinutes(40), 0.7));
        Scenario day = new Scenario("bench: one day", "", Instant.parse("2026-11-27T00:00:00Z"),
                Duration.ofHours(hours), 1, 0.35, 20, List.of(), faults, 0.01,
                TtlModel.defaults(Duration.ofSeconds(settings.dns().ttlSeconds())), Duration.ofSeconds(5), true,
                Route53Baseline.defaults(), Objectives.NONE, Duration.ofMinutes(1));
        Drill.runOne(day.withSeed(2), setup, "houston", ms -> { });
        long t0 = System.nanoTime();
        RunResult r = Drill.runOne(day, setup, "houston", ms -> { });
        double wall = (System.nanoTime() - t0) / 1e9;
        long ticks = day.length().toMillis() / settings.tick().toMillis();
        out.printf(Locale.ROOT, "simulated            %d h of %d locations at a %d ms tick (%,d engine steps)%n", hours,
                settings.topology().size(), settings.tick().toMillis(), ticks);
        out.printf(Locale.ROOT, "wall time            %.2f s  (goal: < 5 s for 24 h)%n", wall);
        out.printf(Locale.ROOT, "events               %,d  (%,.0f events/s; probes, ticks, signals, completions)%n",
                r.events(), r.events() / wall);
        out.printf(Locale.ROOT, "speed-up             %,.0fx real time%n", day.length().toSeconds() / wall);
        out.printf(Locale.ROOT, "evacuations checked  %d shifts, %d false evacuations%n", r.kpis().shifts(),
                r.kpis().falseEvacuations());
    }
}
