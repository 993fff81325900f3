package houston.core.engine;

import houston.core.health.LocationHealth;
import houston.core.plan.Placement;
import houston.core.plan.ReceiverShare;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evidence behind a decision. Slack messages, the journal and {@code explain} all render
 * this same record, so what humans read is exactly what the engine used.
 *
 * @param health     the location's score, every voter's score, who agreed, who was discounted
 * @param thresholds the lines the score was held against
 * @param placements where moved demand went (empty unless traffic moved)
 * @param notes      anything else that shaped the decision (safety limits, overrides, waits)
 */
public record Explanation(LocationHealth health, Thresholds thresholds, List<Placement> placements,
                          List<String> notes) {

    public Explanation {
        placements = List.copyOf(placements);
        notes = List.copyOf(notes);
    }

    /** The thresholds in force when the decision was taken. */
    public record Thresholds(int quorum, double down, double up, double dead, long downHoldSeconds,
                             long upHoldSeconds) {
    }

    /** A plain-text rendering, one fact per line, for consoles and logs. */
    public String render() {
        StringBuilder out = new StringBuilder();
        if (health != null) {
            out.append(String.format(Locale.ROOT, "score %s (bad below %.2f, good from %.2f, quorum %d)%n",
                    fmt(health.score()), thresholds.down(), thresholds.up(), thresholds.quorum()));
            for (Map.Entry<String, Double> voter : health.byVoter().entrySet()) {
                String flag = health.discounted().contains(voter.getKey()) ? "  (discounted: suspect observer)"
                        : health.agreeing().contains(voter.getKey()) ? "  (agrees: bad)" : "";
                out.append(String.format(Locale.ROOT, "  %-16s %s%s%n", voter.getKey(), fmt(voter.getValue()), flag));
            }
        }
        for (Placement p : placements) {
            out.append(String.format(Locale.ROOT, "move %.0f rps of %s:%n", p.movedRps(), p.origin()));
            for (ReceiverShare r : p.receivers()) {
                out.append(String.format(Locale.ROOT,
                        "  -> %-15s %5.1f%%  +%.0f rps  load %.0f -> %.0f rps  instances %d -> %d  (%.0f%% of max at target, %.0f km)%n",
                        r.location(), r.fraction() * 100, r.addedRps(), r.loadBeforeRps(), r.loadAfterRps(),
                        r.instancesBefore(), r.instancesNeeded(), r.levelOfMax() * 100, r.distance()));
            }
            if (p.unplacedRps() > 0) {
                out.append(String.format(Locale.ROOT, "  !! %.0f rps found no receiver and stay at %s%n",
                        p.unplacedRps(), p.origin()));
            }
            p.notes().forEach(n -> out.append("  note: ").append(n).append(System.lineSeparator()));
        }
        notes.forEach(n -> out.append("note: ").append(n).append(System.lineSeparator()));
        return out.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "unknown" : String.format(Locale.ROOT, "%.3f", v);
    }
}
