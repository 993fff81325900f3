package houston.core.health;

import java.util.List;

/**
 * Turns per-voter scores into one score per location that no single voter can move.
 *
 * <p>Voters are the vantage points plus "services" (the inside view from service signals).
 * For each tick:
 * <ol>
 *   <li>A voter judges a location bad when its score is below the down threshold.</li>
 *   <li>A voter that judges at least {@code suspectFraction} of the locations it sees as bad,
 *       while most of those verdicts are contradicted (no other voter calls the location bad and at
 *       least one with evidence calls it fine), is suspect: the observer is broken, not the world.
 *       A vantage calling (nearly) every location bad is also suspect when most of its verdicts are
 *       outvoted (more of the other voters with evidence call the location fine than bad), so two
 *       broken vantages confirming each other are still outvoted by a healthy vantage and the
 *       services voter. A verdict nobody else could check is not held against its voter, so a
 *       deployment with one vantage and quorum 1 still acts. Its scores are discounted (left out) this
 *       tick. When many locations really fail, every voter sees it and confirms the others, so nobody is
 *       discounted and the safety policy's fail-static sees the whole picture.</li>
 *   <li>A location's score is the {@code quorum}-th lowest score among the trusted voters that
 *       have evidence. It is below a threshold only if at least {@code quorum} voters put it
 *       there: one noisy vantage can lower its own score to zero and the location's score does
 *       not move. Fewer than {@code quorum} voters with evidence: NaN (unknown, hold state).</li>
 * </ol>
 * Cost: O(voters × locations) per tick, plus a sort of at most {@code voters} values per location.
 */
public final class QuorumHealthScorer {

    /** Name of the voter that speaks for the service signals. */
    public static final String SERVICES_VOTER = "services";

    private final int quorum;
    private final double downThreshold;
    private final double suspectFraction;

    public QuorumHealthScorer(int quorum, double downThreshold, double suspectFraction) {
        this.quorum = quorum;
        this.downThreshold = downThreshold;
        this.suspectFraction = suspectFraction;
    }

    /** Scores every location from {@code scores[voter][location]} (NaN = no evidence). */
    public HealthReport score(List<String> voters, double[][] scores) {
        int voterCount = scores.length;
        int locations = voterCount == 0 ? 0 : scores[0].length;
        int[] badVotes = new int[locations];
        int[] fineVotes = new int[locations];
        for (double[] voter : scores) {
            for (int l = 0; l < locations; l++) {
                if (voter[l] < downThreshold) {
                    badVotes[l]++;
                } else if (!Double.isNaN(voter[l])) {
                    fineVotes[l]++;
                }
            }
        }
        boolean[] suspect = new boolean[voterCount];
        for (int v = 0; v < voterCount; v++) {
            suspect[v] = isSuspect(scores[v], badVotes, fineVotes, !SERVICES_VOTER.equals(voters.get(v)));
        }
        int need = effectiveQuorum(voters, suspect);
        double[] result = new double[locations];
        double[] trusted = new double[voterCount];
        int bad = 0;
        for (int l = 0; l < locations; l++) {
            int n = 0;
            for (int v = 0; v < voterCount; v++) {
                double s = scores[v][l];
                if (!suspect[v] && !Double.isNaN(s)) {
                    n = insertSorted(trusted, n, s);
                }
            }
            result[l] = n < need ? Double.NaN : trusted[need - 1];
            if (result[l] < downThreshold) {
                bad++;
            }
        }
        return new HealthReport(List.copyOf(voters), scores, suspect, result, bad, downThreshold);
    }

    /**
     * The quorum, or, when discounted vantages leave fewer trusted vantages than the quorum, the
     * trusted vantages that remain (at least one). A vantage is only discounted when the voters
     * contradicting it outnumber those backing it, so with three vantages two are discounted only
     * when the third and the services voter both see the world fine where they see it bad: the
     * remaining vantage's verdicts are then what Houston decides on (a dead location sends no
     * service signals, so requiring the services voter too would never see an outage).
     */
    private int effectiveQuorum(List<String> voters, boolean[] suspect) {
        int vantages = 0;
        int trusted = 0;
        for (int v = 0; v < suspect.length; v++) {
            if (!SERVICES_VOTER.equals(voters.get(v))) {
                vantages++;
                trusted += suspect[v] ? 0 : 1;
            }
        }
        return trusted == vantages ? quorum : Math.max(1, Math.min(quorum, trusted));
    }

    private boolean isSuspect(double[] voter, int[] badVotes, int[] fineVotes, boolean vantage) {
        int seen = 0;
        int judgedBad = 0;
        int alone = 0;
        int outvoted = 0;
        for (int l = 0; l < voter.length; l++) {
            if (Double.isNaN(voter[l])) {
                continue;
            }
            seen++;
            if (voter[l] < downThreshold) {
                judgedBad++;
                alone += badVotes[l] == 1 && fineVotes[l] > 0 ? 1 : 0;
                outvoted += fineVotes[l] > badVotes[l] - 1 ? 1 : 0;
            }
        }
        if (seen == 0 || judgedBad < suspectFraction * seen) {
            return false;
        }
        // A vantage calling (nearly) everything bad is also suspect when outvoted, not only when alone:
        // two broken vantages backing each other are outvoted by a healthy vantage and the services.
        // The services voter only speaks for locations whose services report, often a few: not it.
        return alone * 2 > judgedBad || vantage && judgedBad >= NEARLY_ALL * seen && outvoted * 2 > judgedBad;
    }

    /** The share of the locations a voter sees that it must call bad before being outvoted discounts it. */
    static final double NEARLY_ALL = 0.9;

    /** Inserts {@code value} into the ascending prefix {@code sorted[0..n)}; returns the new length. */
    private static int insertSorted(double[] sorted, int n, double value) {
        int i = n;
        while (i > 0 && sorted[i - 1] > value) {
            sorted[i] = sorted[i - 1];
            i--;
        }
        sorted[i] = value;
        return n + 1;
    }
}
