package houston.sim;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The baseline factor: against the better Route 53 baseline, and above the DNS bound; the safety-alert limit. */
class ObjectivesTest {

    private static final Objectives TWICE = new Objectives(null, null, null, null, 2.0, null, null, null);

    /** A run that moved traffic once (a baseline acting on the fault). */
    private static RunResult run(String policy, double failed) {
        return new RunResult(policy, new Kpis(failed, 1e9, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0), null, 0);
    }

    /** A run that never moved traffic: for a baseline, its health checks never failed the location over. */
    private static RunResult idle(String policy, double failed) {
        return new RunResult(policy, new Kpis(failed, 1e9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), null, 0);
    }

    private static Objectives.Verdict verdict(double houston, double standard, double fast, double bound) {
        List<RunResult> runs = List.of(run(HoustonPolicy.NAME, houston), run(Route53FailoverPolicy.NAME, standard),
                run(Route53FailoverPolicy.FAST, fast), run(NoActionPolicy.NAME, 1e7));
        return TWICE.check(runs, bound).get(0);
    }

    @Test
    void houstonIsComparedWithTheBetterBaseline() {
        Objectives.Verdict v = verdict(200, 1000, 300, 0);

        assertFalse(v.met(), v.detail());
        assertTrue(v.detail().contains("route53-fast 300"), v.detail());
    }

    @Test
    void whenNeitherBaselineMovesTrafficFailingNoMoreThanTheBetterOneMeetsIt() {
        // A 20 s outage: over before any health check fails it over, or any new DNS answer reaches clients.
        List<RunResult> runs = List.of(run(HoustonPolicy.NAME, 231), idle(Route53FailoverPolicy.NAME, 240),
                idle(Route53FailoverPolicy.FAST, 240), idle(NoActionPolicy.NAME, 240));

        Objectives.Verdict met = TWICE.check(runs, 178).get(0);
        Objectives.Verdict more = TWICE.check(List.of(run(HoustonPolicy.NAME, 250), idle(Route53FailoverPolicy.NAME, 240),
                idle(Route53FailoverPolicy.FAST, 240)), 178).get(0);

        assertTrue(met.met(), met.detail());
        assertTrue(met.objective().contains("neither baseline moved traffic"), met.objective());
        assertFalse(more.met(), more.detail());
    }

    @Test
    void oneBaselineActingIsEnoughForTheFactorToHold() {
        List<RunResult> runs = List.of(run(HoustonPolicy.NAME, 85), idle(Route53FailoverPolicy.NAME, 105),
                run(Route53FailoverPolicy.FAST, 129));

        Objectives.Verdict v = TWICE.check(runs, 63).get(0);

        assertFalse(v.met(), v.detail());
    }

    @Test
    void theFactorHoldsOnTheFailuresAboveTheDnsBound() {
        // 1.5x fewer in all, but 3x fewer of those a DNS-based policy could avoid (300-150 vs 200-150).
        assertTrue(verdict(200, 1000, 300, 150).met());
    }

    @Test
    void moreFailuresThanTheBetterBaselineNeverMeetIt() {
        assertFalse(verdict(310, 1000, 300, 305).met());
    }

    @Test
    void theBetterBaselineIsTheOneThatFailedFewer() {
        List<RunResult> runs = List.of(run(HoustonPolicy.NAME, 1), run(Route53FailoverPolicy.NAME, 5),
                run(Route53FailoverPolicy.FAST, 9));

        assertEquals(Route53FailoverPolicy.NAME, Objectives.better(runs).policy());
    }

    @Test
    void whenNoPolicyFailsARequestTheVerdictSaysSoInsteadOfAnInfiniteFactor() {
        Objectives.Verdict v = verdict(0, 0, 0, 0);

        assertTrue(v.met(), v.detail());
        assertFalse(v.detail().contains("Infinity"), v.detail());
        assertTrue(v.detail().contains("neither failed a request"), v.detail());
    }

    @Test
    void houstonAtTheDnsBoundIsSaidInWords() {
        Objectives.Verdict v = verdict(100, 1000, 900, 100);

        assertFalse(v.detail().contains("Infinity"), v.detail());
        assertTrue(v.detail().contains("9.0x; houston at the DNS bound 100"), v.detail());
    }

    @Test
    void safetyAlertsBeyondTheLimitMissIt() {
        Objectives quiet = new Objectives(null, null, null, null, null, null, null, null, 0);
        RunResult paged = new RunResult(HoustonPolicy.NAME, new Kpis(0, 1e9, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0), null, 0);

        Objectives.Verdict v = quiet.check(List.of(paged), 0).get(0);

        assertFalse(v.met(), v.detail());
        assertEquals("safety alerts <= 0", v.objective());
        assertEquals("houston: 2", v.detail());
    }
}
