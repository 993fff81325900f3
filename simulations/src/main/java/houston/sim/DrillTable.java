package houston.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The drill table of docs/drills.md, one markdown row per drill, every figure taken from a run:
 * failed requests of Houston and both Route 53 baselines beside the DNS bound, the added latency of
 * each, and which of Houston's objectives were missed and by how much. Generated rather than kept
 * by hand so that the table cannot drift from what the drills show.
 */
public final class DrillTable {

    /** The header and separator rows. */
    public static final String HEADER = "| drill | houston | route53-failover | route53-fast | DNS bound "
            + "| added latency: houston / r53 / fast | Houston's objectives |\n"
            + "|---|---|---|---|---|---|---|\n";

    private DrillTable() {
    }

    /** One row; {@code group}, when not null, is shown in italics after the drill's name (e.g. unrehearsed). */
    public static String row(DrillResult result, String group) {
        RunResult houston = result.run(HoustonPolicy.NAME);
        RunResult standard = result.run(Route53FailoverPolicy.NAME);
        RunResult fast = result.run(Route53FailoverPolicy.FAST);
        String name = cell(result.scenario().name()) + (group == null ? "" : " *(" + group + ")*");
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f / %.2f / %.2f | %s |%n", name,
                millions(houston.kpis().failedRequests()), millions(standard.kpis().failedRequests()),
                millions(fast.kpis().failedRequests()), millions(result.dnsBound()),
                houston.kpis().addedLatencyMs(), standard.kpis().addedLatencyMs(), fast.kpis().addedLatencyMs(),
                objectives(result));
    }

    /** Text as one markdown table cell: a drill named "a | b" would otherwise split its row into one column more. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|");
    }

    /**
     * Failed requests as the table shows them: millions with one decimal, the exact count below
     * 50,000 (so that a few thousand failures do not read as none), "0" for none.
     */
    static String millions(double requests) {
        long whole = Math.round(requests);
        if (whole == 0) {
            return "0";
        }
        if (whole < 50_000) {
            return String.format(Locale.ROOT, "%,d", whole);
        }
        return String.format(Locale.ROOT, "%.1f M", requests / 1e6);
    }

    /** "met", or each missed objective with Houston's figure. */
    static String objectives(DrillResult result) {
        List<String> missed = new ArrayList<>();
        for (Objectives.Verdict v : result.verdicts()) {
            if (!v.met()) {
                missed.add(v.objective() + " (" + v.detail() + ")");
            }
        }
        if (result.verdicts().isEmpty()) {
            return "none stated";
        }
        return missed.isEmpty() ? "met" : "**missed**: " + String.join("; ", missed);
    }
}
