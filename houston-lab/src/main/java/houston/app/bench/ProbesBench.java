package houston.app.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code houston bench probes}: Houston's prober and, when installed, blackbox_exporter against
 * the same loopback canary servers, printed side by side with the ratio.
 */
public final class ProbesBench {

    private ProbesBench() {
    }

    /**
     * Ramps Houston from {@code targets / 5} targets in steps of as many (offered rate = targets /
     * interval) and blackbox_exporter from 2 parallel requests doubling up to {@code concurrency},
     * and compares the highest clean step of each.
     */
    public static void run(PrintWriter out, int targets, Duration interval, int servers, int concurrency,
                           Duration warmUp, Duration window) throws Exception {
        int step = Math.max(1, targets / 5);
        List<Integer> targetLevels = new java.util.ArrayList<>();
        for (int t = step; t <= targets * 2; t += step) {
            targetLevels.add(t);
        }
        List<Integer> parallel = new java.util.ArrayList<>();
        for (int c = 2; c <= concurrency; c *= 2) {
            parallel.add(c);
        }
        out.printf(Locale.ROOT, "probes: ramp to the highest clean rate (0 failed probes, p99 lag < 50 ms); houston %d..%d "
                        + "targets every %dms, on %d loopback servers (separate JVM), %ds per step%n",
                step, targets * 2, interval.toMillis(), servers, window.toSeconds());
        out.flush();
        try (BenchTargetsProcess canaries = new BenchTargetsProcess(servers)) {
            ProbeThroughput houston = RateRamp.highestClean("houston", targetLevels, "targets",
                    t -> ProbeBenchmark.run(canaries.ports(), t, interval, warmUp, window), out);
            Path blackbox = BlackboxBenchmark.find();
            ProbeThroughput other = blackbox == null ? null : RateRamp.highestClean("blackbox_exporter", parallel,
                    "parallel", c -> BlackboxBenchmark.run(blackbox, canaries.ports(), c, warmUp, window), out);
            if (houston == null || (blackbox != null && other == null)) {
                out.println();
                out.println("INVALID: " + (houston == null ? "houston" : "blackbox_exporter")
                        + " failed probes even at its lowest step: no clean rate to report.");
                return;
            }
            out.println();
            out.println("highest clean step of each:");
            table(out, houston, other);
            if (blackbox == null) {
                out.println();
                out.println("blackbox_exporter not found: apt-get install prometheus-blackbox-exporter to compare.");
            }
        }
    }

    /**
     * The side-by-side table, then each run's verdict. A run with failed probes (or p99 lag past
     * 50 ms) is marked INVALID and no ratio is printed: its rate is not a rate the prober sustains.
     */
    static void table(PrintWriter out, ProbeThroughput houston, ProbeThroughput other) {
        boolean ratios = houston.valid() && (other == null || other.valid());
        out.printf(Locale.ROOT, "%n%-26s %14s %20s %8s%n", "", "houston", "blackbox_exporter", ratios ? "ratio" : "");
        row(out, "probe results/s", houston.perSecond(), other == null ? Double.NaN : other.perSecond(), "%.0f", false, ratios);
        row(out, "failed probes", houston.failed(), other == null ? Double.NaN : other.failed(), "%.0f", false, false);
        row(out, "CPU s per 1,000 probes", houston.cpuPerThousand(),
                other == null ? Double.NaN : other.cpuPerThousand(), "%.3f", true, ratios);
        row(out, "probes per CPU-second", houston.perCpuSecond(), other == null ? Double.NaN : other.perCpuSecond(),
                "%.0f", false, ratios);
        out.printf(Locale.ROOT, "%-26s %14.1f %20s%n", "p99 scheduling lag (ms)", houston.p99LagMs(), "n/a");
        out.println();
        for (ProbeThroughput run : other == null ? List.of(houston) : List.of(houston, other)) {
            out.printf(Locale.ROOT, "%-18s %s%n", run.name() + ":", run.valid() ? "valid (0 failed probes)"
                    : "INVALID, do not quote: " + run.invalidBecause());
        }
    }

    /** One line; the ratio is Houston's advantage (other/houston where lower is better). */
    private static void row(PrintWriter out, String name, double houston, double other, String format,
                            boolean lowerIsBetter, boolean ratios) {
        String ratio = "";
        if (ratios && !Double.isNaN(other) && other != 0 && houston != 0) {
            ratio = String.format(Locale.ROOT, "%.1fx", lowerIsBetter ? other / houston : houston / other);
        }
        out.printf(Locale.ROOT, "%-26s %14s %20s %8s%n", name, String.format(Locale.ROOT, format, houston),
                Double.isNaN(other) ? "-" : String.format(Locale.ROOT, format, other), ratio);
    }
}
