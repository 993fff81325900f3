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
 */
record ProbeThroughput(String name, long probes, long failed, double seconds, double cpuSeconds, double p99LagMs) {

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
