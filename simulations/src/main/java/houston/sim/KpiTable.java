package houston.sim;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The KPI table {@code houston drill run} prints: one column per policy, one row per KPI, then the objectives. */
public final class KpiTable {

    private KpiTable() {
    }

    public static String render(DrillResult result) {
        StringBuilder out = new StringBuilder();
        List<RunResult> runs = result.runs();
        out.append(String.format(Locale.ROOT, "%-34s", "drill: " + result.scenario().name()));
        for (RunResult r : runs) {
            out.append(String.format(Locale.ROOT, "%18s", r.policy()));
        }
        out.append('\n');
        row(out, runs, "failed requests", k -> String.format(Locale.ROOT, "%,.0f", k.failedRequests()));
        row(out, runs, "failed requests (% of all)", k -> String.format(Locale.ROOT, "%.4f%%", k.failedFraction() * 100));
        row(out, runs, "error-minutes (catchment, >1%)", k -> String.format(Locale.ROOT, "%.1f", k.errorMinutes()));
        row(out, runs, "time to detect", k -> seconds(k.timeToDetect()));
        row(out, runs, "time to move 90% of traffic", k -> seconds(k.timeToMove90()));
        row(out, runs, "overload-seconds at receivers", k -> String.format(Locale.ROOT, "%.0f", k.overloadSeconds()));
        row(out, runs, "shifts (plan changes live)", k -> String.valueOf(k.shifts()));
        row(out, runs, "false evacuations", k -> String.valueOf(k.falseEvacuations()));
        row(out, runs, "time to fail back", KpiTable::failBack);
        row(out, runs, "safety alerts", k -> String.valueOf(k.alerts()));
        row(out, runs, "added latency (ms/request)", k -> String.format(Locale.ROOT, "%.2f", k.addedLatencyMs()));
        row(out, runs, String.format(Locale.ROOT, "user-minutes >%,.0f km from home", result.scenario().farKm()),
                k -> String.format(Locale.ROOT, "%.1f", k.farMinutes()));
        out.append(String.format(Locale.ROOT, "%-34s%18s   (clients ignoring TTLs: no DNS-based policy fails fewer)%n",
                "DNS bound (failed requests)", String.format(Locale.ROOT, "%,.0f", result.dnsBound())));
        if (!result.verdicts().isEmpty()) {
            out.append("\nobjectives (houston):\n");
            for (Objectives.Verdict v : result.verdicts()) {
                out.append(String.format(Locale.ROOT, "  %-4s %-48s %s%n", v.met() ? "ok" : "FAIL", v.objective(),
                        v.detail()));
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<RunResult> runs, String name, Function<Kpis, String> value) {
        out.append(String.format(Locale.ROOT, "%-34s", name));
        for (RunResult r : runs) {
            out.append(String.format(Locale.ROOT, "%18s", value.apply(r.kpis())));
        }
        out.append('\n');
    }

    /**
     * A fail-back is timed from a move of 90% of the catchment: a policy that never moved that much
     * (no action, or an outage over before the move was) has nothing to fail back, which "never"
     * read as a fail-back that did not happen.
     */
    static String failBack(Kpis k) {
        return Double.isNaN(k.timeToMove90()) ? "not moved" : seconds(k.timeToFailBack());
    }

    /** Seconds as "42 s" or "3m05s"; "never" for NaN. */
    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "never";
        }
        if (s < 120) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        long whole = Math.round(s);
        return String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60);
    }
}
