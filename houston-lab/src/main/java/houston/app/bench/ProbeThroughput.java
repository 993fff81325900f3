package houston.app.bench;

/**
 * What one prober achieved in a measured window.
 *
 * @param name          who probed
 * @param probes        probe results completed in the window
 * @param failed        of those, how many were not OK (a valid run has almost none)
 * @param seconds       window length
 * @param cpuSeconds    the prober's CPU time in the window
 * @param p99LagMs      99th percentile of probe start minus due time, or NaN when not scheduled
 * @param failures      the failed probes by outcome (timeout, slow, connect_error, ...)
 */
record ProbeThroughput(String name, long probes, long failed, double seconds, double cpuSeconds, double p99LagMs,
                       java.util.Map<String, Long> failures) {

    /** The most scheduling lag a run may show and still count: beyond it probes start late. */
    static final double MAX_P99_LAG_MS = 50;

    ProbeThroughput {
        failures = java.util.Map.copyOf(failures);
    }

    /** A run to quote: no failed probe, and (when scheduled) p99 lag under {@link #MAX_P99_LAG_MS}. */
    boolean valid() {
        return failed == 0 && !(p99LagMs >= MAX_P99_LAG_MS);
    }

    /** Why it is not valid, e.g. "11000 failed (timeout 10998, connect_error 2)"; empty when valid. */
    String invalidBecause() {
        java.util.List<String> why = new java.util.ArrayList<>();
        if (failed > 0) {
            why.add(failed + " failed (" + failures.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
        if (p99LagMs >= MAX_P99_LAG_MS) {
            why.add(String.format(java.util.Locale.ROOT, "p99 lag %.1f ms >= %.0f ms", p99LagMs, MAX_P99_LAG_MS));
        }
        return String.join("; ", why);
    }

    double perSecond() {
        return probes / seconds;
    }

    double cpuPerThousand() {
        return probes == 0 ? Double.NaN : cpuSeconds / probes * 1000;
    }

    double perCpuSecond() {
        return cpuSeconds == 0 ? Double.NaN : probes / cpuSeconds;
    }
}
