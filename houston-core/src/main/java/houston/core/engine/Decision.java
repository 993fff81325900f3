package houston.core.engine;

import java.time.Instant;

/**
 * One decision with its evidence.
 *
 * @param at          when it was taken (the tick's time)
 * @param location    the location it is about, or "*" for global decisions (freeze, fail-static)
 * @param kind        what was decided
 * @param incident    the incident it belongs to (one Slack thread each), or null
 * @param summary     one human line: what and why, with the numbers
 * @param dryRun      true when computed in dry-run: reported, not applied
 * @param explanation the evidence: scores, voters, thresholds, receivers and capacity math
 */
public record Decision(Instant at, String location, DecisionKind kind, String incident, String summary,
                       boolean dryRun, Explanation explanation) {

    public static final String GLOBAL = "*";
}
