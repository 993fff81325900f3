package houston.core.health;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuorumHealthScorerTest {

    private static final double NO = Double.NaN;
    private final QuorumHealthScorer scorer = new QuorumHealthScorer(2, 0.5, 0.5);
    private final List<String> voters = List.of("a", "b", "c", "services");

    @Test
    void oneBadVoterDoesNotLowerTheScore() {
        HealthReport r = scorer.score(voters, new double[][]{{0.0, 1, 1, 1}, {1, 1, 1, 1}, {0.9, 1, 1, 1}, {NO, NO, NO, NO}});

        assertEquals(0.9, r.score(0), 1e-9);
        assertEquals(List.of(), r.suspectVoterNames());
    }

    @Test
    void scoreIsTheQuorumthLowestTrustedVoter() {
        HealthReport r = scorer.score(voters, new double[][]{{0.1, 1}, {0.3, 1}, {1, 1}, {NO, NO}});

        assertEquals(0.3, r.score(0), 1e-9);
        assertEquals(List.of("a", "b"), r.location(0).agreeing());
    }

    @Test
    void serviceSignalsVoteLikeAVantage() {
        HealthReport r = scorer.score(voters, new double[][]{{0.2, 1}, {1, 1}, {1, 1}, {0.0, NO}});

        assertTrue(r.isBad(0));
        assertEquals(List.of("a", "services"), r.location(0).agreeing());
    }

    @Test
    void tooFewVotersWithEvidenceGivesUnknown() {
        HealthReport r = scorer.score(voters, new double[][]{{0.0, 1}, {NO, 1}, {NO, 1}, {NO, NO}});

        assertTrue(Double.isNaN(r.score(0)));
        assertEquals(0, r.badLocations());
    }

    @Test
    void voterSeeingMostLocationsFailAloneIsDiscounted() {
        double[][] scores = {{0, 0, 0, 0}, {1, 1, 1, 1}, {1, 1, 1, 1}, {NO, NO, NO, NO}};

        HealthReport r = scorer.score(voters, scores);

        assertEquals(List.of("a"), r.suspectVoterNames());
        assertEquals(0, r.badLocations());
    }

    @Test
    void votersConfirmingEachOtherAreNotDiscounted() {
        double[][] scores = {{0, 0, 0, 1}, {0, 0, 0, 1}, {0, 0, 1, 1}, {NO, NO, NO, NO}};

        HealthReport r = scorer.score(voters, scores);

        assertEquals(List.of(), r.suspectVoterNames());
        assertEquals(3, r.badLocations());
    }

    @Test
    void aLoneVoterNobodyContradictsIsNotDiscounted() {
        QuorumHealthScorer single = new QuorumHealthScorer(1, 0.5, 0.5);

        HealthReport r = single.score(List.of("here"), new double[][]{{0.0, 1.0}});

        assertEquals(List.of(), r.suspectVoterNames());
        assertEquals(0.0, r.score(0));
    }

    @Test
    void twoVotersSeeingEverythingBadAreDiscountedWhenTheThirdAndTheServicesSeeItFine() {
        double[][] scores = {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 1, 1, 1}, {NO, 1, 1, 1}};

        HealthReport r = scorer.score(voters, scores);

        assertEquals(List.of("a", "b"), r.suspectVoterNames());
        assertEquals(0.0, r.score(0));
        assertEquals(1, r.badLocations());
    }

    @Test
    void twoVotersAgainstOneWithoutServicesAreNotDiscounted() {
        double[][] scores = {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 1, 1, 1}, {NO, NO, NO, NO}};

        HealthReport r = scorer.score(voters, scores);

        assertEquals(List.of(), r.suspectVoterNames());
        assertEquals(4, r.badLocations());
        assertEquals(4, r.uncorroboratedBad(2));
    }

    @Test
    void badLocationsEveryVantageSeesWhileItSeesTheRestFineAreCorroborated() {
        double[][] scores = {{0, 0, 1, 1}, {0, 0, 1, 1}, {0, 0, 1, 1}, {1, NO, 1, 1}};

        HealthReport r = scorer.score(voters, scores);

        assertEquals(2, r.badLocations());
        assertEquals(0, r.uncorroboratedBad(2));
    }

    @Test
    void nothingIsCorroboratedWhenNoLocationLooksFine() {
        double[][] scores = {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, {NO, NO, NO, NO}};

        HealthReport r = scorer.score(voters, scores);

        assertEquals(4, r.uncorroboratedBad(2));
    }
}
