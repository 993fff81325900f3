package houston.core.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tick's verdict on every location, with the evidence behind it.
 *
 * @param voters         voter names, index-aligned with {@code voterScores}
 * @param voterScores    [voter][location] scores, NaN where the voter had no evidence
 * @param suspectVoters  voters discounted this tick
 * @param scores         per-location quorum score, NaN when unknown
 * @param badLocations   how many locations score below the down threshold
 * @param downThreshold  the line "bad" was drawn at
 */
public record HealthReport(
        List<String> voters,
        double[][] voterScores,
        boolean[] suspectVoters,
        double[] scores,
        int badLocations,
        double downThreshold) {

    public double score(int location) {
        return scores[location];
    }

    public boolean isBad(int location) {
        return scores[location] < downThreshold;
    }

    /** The evidence for one location, with names, for explanations. */
    public LocationHealth location(int location) {
        Map<String, Double> byVoter = new LinkedHashMap<>();
        List<String> agreeing = new ArrayList<>();
        List<String> discounted = new ArrayList<>();
        for (int v = 0; v < voters.size(); v++) {
            double s = voterScores[v][location];
            if (suspectVoters[v]) {
                discounted.add(voters.get(v));
            }
            if (Double.isNaN(s)) {
                continue;
            }
            byVoter.put(voters.get(v), round(s));
            if (!suspectVoters[v] && s < downThreshold) {
                agreeing.add(voters.get(v));
            }
        }
        return new LocationHealth(round(scores[location]), byVoter, agreeing, discounted);
    }

    /** Names of the voters discounted this tick. */
    public List<String> suspectVoterNames() {
        List<String> names = new ArrayList<>();
        for (int v = 0; v < voters.size(); v++) {
            if (suspectVoters[v]) {
                names.add(voters.get(v));
            }
        }
        return names;
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 1000) / 1000.0;
    }
}
