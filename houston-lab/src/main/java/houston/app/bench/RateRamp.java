package houston.app.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Finds the highest load a prober sustains cleanly: runs one measured step per level, lowest
 * first, and stops at the first step that is not valid (a failed probe, or p99 lag past 50 ms).
 * A fixed offered load can only say "it kept up" or "it did not"; the ramp says how far it goes.
 */
final class RateRamp {

    /** One measured step at a load level (targets, or parallel requests). */
    interface Step {
        ProbeThroughput run(int level) throws Exception;
    }

    private RateRamp() {
    }

    /** The last valid step's result, or null when even the first step was not valid. */
    static ProbeThroughput highestClean(String name, List<Integer> levels, String unit, Step step, PrintWriter out)
            throws Exception {
        ProbeThroughput best = null;
        for (int level : levels) {
            ProbeThroughput r = step.run(level);
            out.printf(Locale.ROOT, "  %-18s %6d %-9s %8.0f results/s  %s%n", name, level, unit, r.perSecond(),
                    r.valid() ? "clean" : "INVALID: " + r.invalidBecause());
            out.flush();
            if (!r.valid()) {
                break;
            }
            best = r;
        }
        return best;
    }
}
