package houston.app.bench;

import houston.app.config.DrillReader;
import houston.sim.Drill;
import houston.sim.RunResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code houston bench sim}: 24 simulated hours of the default 15 locations at a 1 s tick, with
 * Houston's engine in the loop (probes from three vantages every second, service signals, two
 * faults on the way), timed on the wall clock. Goal: under 5 s. The day is a drill file read like
 * any other, so every other setting is the drill defaults'.
 */
public final class SimBench {

    private SimBench() {
    }

    public static void run(PrintWriter out, int hours) throws IOException {
        Path file = Files.createTempFile("houston-bench-sim", ".conf");
        Files.writeString(file, """
                drill {
                  name = "bench: one day"
                  start = "2026-11-27T00:00:00Z"
                  length = %dh
                  sample = 1m
                  faults = [
                    { kind = outage, target = us-east-1, at = %ds, length = %ds },
                    { kind = degrade, target = eu-west-1, at = %ds, length = %ds, amount = 0.7 }
                  ]
                }
                """.formatted(hours, dayShare(hours, 2 * 3600), dayShare(hours, 45 * 60), dayShare(hours, 14 * 3600),
                dayShare(hours, 40 * 60)));
        DrillReader.Drill day;
        try {
            day = DrillReader.read(file);
        } finally {
            Files.deleteIfExists(file);
        }
        Drill.runOne(day.scenario().withSeed(2), day.setup(), "houston", ms -> { });
        long t0 = System.nanoTime();
        RunResult r = Drill.runOne(day.scenario(), day.setup(), "houston", ms -> { });
        double wall = (System.nanoTime() - t0) / 1e9;
        long ticks = day.scenario().length().toMillis() / day.setup().tick().toMillis();
        out.printf(Locale.ROOT, "simulated            %d h of %d locations at a %d ms tick (%,d engine steps)%n", hours,
                day.setup().topology().size(), day.setup().tick().toMillis(), ticks);
        out.printf(Locale.ROOT, "wall time            %.2f s  (goal: < 5 s for 24 h)%n", wall);
        out.printf(Locale.ROOT, "events               %,d  (%,.0f events/s; probes, ticks, signals, completions)%n",
                r.events(), r.events() / wall);
        out.printf(Locale.ROOT, "speed-up             %,.0fx real time%n", day.scenario().length().toSeconds() / wall);
        out.printf(Locale.ROOT, "evacuations checked  %d shifts, %d false evacuations%n", r.kpis().shifts(),
                r.kpis().falseEvacuations());
    }

    /**
     * The faults sit at the same points of a shorter run as of a day (an outage at 2 h of 24 is at
     * 5 min of 1), so the quick run still goes through both.
     */
    private static long dayShare(int hours, long secondsOfADay) {
        return secondsOfADay * hours / 24;
    }
}
