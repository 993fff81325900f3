package houston.app.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What a soak run saw; INVALID when any failure was. Filled by {@link SoakBench} and {@link SoakDriver}. */
public final class SoakReport {

    double minutes;
    long killEverySeconds;
    int kills;
    int restartsFailed;
    int overridesLost;
    int unexpectedExits;
    long ticksMissed;
    long ticksSeen;
    long peakRssKb;
    int apiErrors;
    int finalExit = -1;
    long floodConnections;
    long floodLeftOpen;
    final Map<Integer, Long> pushes = new TreeMap<>();
    final List<Long> apiNanos = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    public boolean valid() {
        return restartsFailed == 0 && overridesLost == 0 && unexpectedExits == 0 && finalExit == 0 && floodLeftOpen == 0
                && failures.isEmpty();
    }

    public int restartsFailed() {
        return restartsFailed;
    }

    public int overridesLost() {
        return overridesLost;
    }

    public int unexpectedExits() {
        return unexpectedExits;
    }

    public int kills() {
        return kills;
    }

    public long peakRssMb() {
        return peakRssKb / 1024;
    }

    public int finalExit() {
        return finalExit;
    }

    public long floodLeftOpen() {
        return floodLeftOpen;
    }

    public long ticksSeen() {
        return ticksSeen;
    }

    /** The {@code q}-quantile of GET /v1/status latency in ms (answers only). */
    public double apiMs(double q) {
        List<Long> sorted;
        synchronized (apiNanos) {
            sorted = new ArrayList<>(apiNanos);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "houston bench soak: %.1f min of houston run (-Xmx192m, ulimit -n 1024), SIGKILL + restart "
                + "every %d s during an evacuation with a pin set%n", minutes, killEverySeconds);
        out.printf(Locale.ROOT, "  restarts            %d, failed %d, unexpected exits %d, final SIGTERM exit %d%n", kills,
                restartsFailed, unexpectedExits, finalExit);
        out.printf(Locale.ROOT, "  overrides lost      %d (the pin checked after every restart)%n", overridesLost);
        out.printf(Locale.ROOT, "  ticks               %d seen, %d missed%n", ticksSeen, ticksMissed);
        out.printf(Locale.ROOT, "  peak RSS            %d MB%n", peakRssKb / 1024);
        out.printf(Locale.ROOT, "  API GET /v1/status  p50 %.1f ms, p99 %.1f ms over %d answers; %d refused or timed out "
                + "(connection cap full, restarts)%n", apiMs(0.5), apiMs(0.99), apiNanos.size(), apiErrors);
        out.printf(Locale.ROOT, "  pushes (20,000 obs) %s by HTTP status%n", pushes);
        out.printf(Locale.ROOT, "  flood               %d idle/slow-header connections, %d left open past the header timeout%n",
                floodConnections, floodLeftOpen);
        failures.forEach(f -> out.println("  failure: " + f));
        out.printf("  machine             %s%n", SoakBench.machine());
        out.println(valid() ? "  run VALID" : "  run INVALID: see the counts above");
        out.flush();
    }
}
