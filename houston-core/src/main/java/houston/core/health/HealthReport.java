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

    /**
     * How many bad locations the observers do not corroborate: fail-static's count. A bad location
     * is corroborated when every trusted vantage with evidence (at least {@code quorum} of them, or
     * every trusted vantage when discounting left fewer) calls it bad. Corroboration counts only while
     * the observers show they can see a working location: when no location is fine on every trusted
     * vantage, every bad location counts (a probe-side problem makes everything look bad). The
     * services voter is left out: a dead location sends no signals, a live one lags.
     */
    public int uncorroboratedBad(int quorum) {
        int need = Math.max(1, Math.min(quorum, trustedVantages()[0]));
        boolean seesSomethingFine = false;
        int corroborated = 0;
        for (int l = 0; l < scores.length; l++) {
            int verdict = vantageVerdict(l, need);
            seesSomethingFine |= verdict > 0;
            corroborated += verdict < 0 && isBad(l) ? 1 : 0;
        }
        return seesSomethingFine ? badLocations - corroborated : badLocations;
    }

    /** How many trusted vantages are left, out of every vantage (the services voter is not a vantage). */
    public int[] trustedVantages() {
        int vantages = 0;
        int trusted = 0;
        for (int v = 0; v < voters.size(); v++) {
            if (!QuorumHealthScorer.SERVICES_VOTER.equals(voters.get(v))) {
                vantages++;
                trusted += suspectVoters[v] ? 0 : 1;
            }
        }
        return new int[]{trusted, vantages};
    }

    /** -1 when at least {@code need} trusted vantages have evidence and all call {@code l} bad, 1 all fine, else 0. */
    private int vantageVerdict(int l, int need) {
        int seen = 0;
        int bad = 0;
        for (int v = 0; v < voters.size(); v++) {
            double s = voterScores[v][l];
            if (!suspectVoters[v] && !Double.isNaN(s) && !QuorumHealthScorer.SERVICES_VOTER.equals(voters.get(v))) {
                seen++;
                bad += s < downThreshold ? 1 : 0;
            }
        }
        if (seen < need) {
            return 0;
        }
        return bad == seen ? -1 : bad == 0 ? 1 : 0;
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
