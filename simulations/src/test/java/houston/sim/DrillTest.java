package houston.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole runs over the small fixture world: the three policies, side by side. */
class DrillTest {

    private final HoustonSetup setup = SimFixtures.setup();

    private Scenario outage(long seed) {
        return SimFixtures.scenario(Duration.ofMinutes(30),
                List.of(SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 300, 600, 0)), Objectives.NONE).withSeed(seed);
    }

    @Test
    void houstonFailsFewerRequestsThanTheBaselineAndTheBaselineFewerThanNoAction() {
        DrillResult r = Drill.run(outage(42), setup, p -> { });

        double houston = r.run(HoustonPolicy.NAME).kpis().failedRequests();
        double baseline = r.run(Route53FailoverPolicy.NAME).kpis().failedRequests();
        double none = r.run(NoActionPolicy.NAME).kpis().failedRequests();
        assertTrue(houston * 2 < baseline && baseline * 2 < none, houston + " / " + baseline + " / " + none);
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        Kpis first = Drill.runOne(outage(7), setup, HoustonPolicy.NAME, ms -> { }).kpis();

        Kpis second = Drill.runOne(outage(7), setup, HoustonPolicy.NAME, ms -> { }).kpis();

        assertEquals(first, second);
    }

    @Test
    void theSeedMovesAnOutageDrillSameSeedSameResult() {
        Kpis one = Drill.runOne(outage(1), setup, Route53FailoverPolicy.NAME, ms -> { }).kpis();
        Kpis again = Drill.runOne(outage(1), setup, Route53FailoverPolicy.NAME, ms -> { }).kpis();
        Kpis two = Drill.runOne(outage(2), setup, Route53FailoverPolicy.NAME, ms -> { }).kpis();

        assertEquals(one, again, "same seed, same run");
        assertNotEquals(one.failedRequests(), two.failedRequests(), "another seed, another world");
    }

    @Test
    void houstonDecidesWithinSecondsTheBaselineAfterItsThreeFailedChecks() {
        DrillResult r = Drill.run(outage(42), setup, p -> { });

        assertTrue(r.run(HoustonPolicy.NAME).kpis().timeToDetect() <= 10, KpiTable.render(r));
        double baseline = r.run(Route53FailoverPolicy.NAME).kpis().timeToDetect();
        assertTrue(baseline >= 60 && baseline <= 120, KpiTable.render(r));
    }

    @Test
    void fastHealthChecksDetectSoonerThanStandardOnes() {
        DrillResult r = Drill.run(outage(42), setup, p -> { });

        double standard = r.run(Route53FailoverPolicy.NAME).kpis().timeToDetect();
        double fast = r.run(Route53FailoverPolicy.FAST).kpis().timeToDetect();
        assertTrue(fast >= 20 && fast <= 45 && fast < standard, KpiTable.render(r));
    }

    @Test
    void aPartitionedVantageMovesNothing() {
        Scenario s = SimFixtures.scenario(Duration.ofMinutes(20),
                List.of(SimFixtures.fault(Fault.Kind.PARTITION, "vantage-a", 60, 900, 0)), Objectives.NONE);

        Kpis k = Drill.runOne(s, setup, HoustonPolicy.NAME, ms -> { }).kpis();

        assertEquals(0, k.shifts());
        assertEquals(0, k.falseEvacuations());
    }

    @Test
    void anObjectiveMissedIsReportedWithItsFigures() {
        Scenario s = SimFixtures.scenario(Duration.ofMinutes(30),
                List.of(SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 300, 600, 0)),
                new Objectives(null, null, 1.0, null, null, null, null, null));

        DrillResult r = Drill.run(s, setup, p -> { });

        assertEquals(List.of(false), r.verdicts().stream().map(Objectives.Verdict::met).toList());
        assertTrue(r.verdicts().get(0).detail().startsWith("houston: "), r.verdicts().toString());
    }

    @Test
    void theReportChartsTheRunAndMarksTheFault() {
        DrillResult r = Drill.run(outage(42), setup, p -> { });

        String html = HtmlReport.render(r);

        assertTrue(html.contains("<svg") && html.contains("loc-03"), "charts for the faulted location");
        assertTrue(html.contains("outage loc-03 at +300s"), "the fault is marked");
    }

    @Test
    void aFailingScalerIsReportedAndTheEvacuationMovesOnlyWhatReadyInstancesCarry() {
        Scenario s = SimFixtures.scenario(Duration.ofMinutes(20), List.of(
                SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 60, 900, 0),
                SimFixtures.fault(Fault.Kind.SCALER_FAIL, "", 0, 1200, 0)), Objectives.NONE);

        RunResult r = Drill.runOne(s, setup, HoustonPolicy.NAME, ms -> { });

        assertTrue(r.kpis().alerts() > 0, "scaler failures raise alerts");
        assertTrue(r.series().marks().stream().anyMatch(m -> m.text().contains("scaler error")), "named in the alert");
        // Receivers that never grew are not given the share that waited for them: it moves as far as
        // ready instances carry, and no receiver is overloaded.
        assertTrue(r.kpis().shifts() > 0, "still moved: " + r.kpis());
        assertEquals(0.0, r.kpis().overloadSeconds(), "overloaded: " + r.kpis());
    }

    @Test
    void aDnsOutageDelaysTheMoveUntilPublishingWorksAgain() {
        Scenario s = SimFixtures.scenario(Duration.ofMinutes(20), List.of(
                SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 60, 900, 0),
                SimFixtures.fault(Fault.Kind.DNS_OUTAGE, "", 0, 180, 0)), Objectives.NONE);

        RunResult r = Drill.runOne(s, setup, HoustonPolicy.NAME, ms -> { });

        assertTrue(r.kpis().timeToDetect() <= 10, "decided at once: " + r.kpis());
        assertTrue(r.kpis().timeToMove90() >= 120, "but nothing moved while DNS was down: " + r.kpis());
    }

    /** Houston with the health-endpoint fallback, its DNS adapter as {@code api} says. */
    private HoustonSetup withFallback(DnsApi api) {
        return new HoustonSetup(setup.engine().withDnsFallback(new houston.core.config.DnsFallbackConfig(
                houston.core.config.DnsFallbackConfig.Mode.HEALTH_ENDPOINT, Duration.ofSeconds(30))), setup.probes(),
                setup.topology(), setup.tick(), setup.scaleReadyTimeout(), api);
    }

    @Test
    void theControlPlaneWatchTellsHoustonTheApiIsDownBeforeAnyPublishAndMovesNothing() {
        Scenario s = SimFixtures.scenario(Duration.ofMinutes(10), List.of(
                SimFixtures.fault(Fault.Kind.DNS_OUTAGE, "", 60, 300, 0)), Objectives.NONE);

        RunResult watched = Drill.runOne(s, withFallback(DnsApi.defaults()), HoustonPolicy.NAME, ms -> { });
        RunResult blind = Drill.runOne(s, withFallback(new DnsApi(5, Duration.ofMillis(200), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(120))), HoustonPolicy.NAME, ms -> { });

        List<Double> toldAt = watched.series().marks().stream()
                .filter(m -> m.text().startsWith("DNS API down: a control-plane read failed")).map(Series.Mark::at).toList();
        assertEquals(1, toldAt.size(), watched.series().marks().toString());
        assertTrue(toldAt.get(0) >= 60 && toldAt.get(0) <= 66, "one read (5 s) and a tick after the outage: " + toldAt);
        assertEquals(0, watched.kpis().shifts(), watched.kpis().toString());
        assertTrue(blind.series().marks().stream().noneMatch(m -> m.text().startsWith("DNS API down")),
                blind.series().marks().toString());
    }

    @Test
    void aSlowLocationIsEvacuatedAfterItsReceiversArePreScaled() {
        Scenario s = SimFixtures.scenario(Duration.ofMinutes(20),
                List.of(SimFixtures.fault(Fault.Kind.LATENCY, "loc-03", 60, 900, 3000)), Objectives.NONE);

        RunResult r = Drill.runOne(s, setup, HoustonPolicy.NAME, ms -> { });

        assertTrue(r.kpis().timeToDetect() <= 10, r.kpis().toString());
        assertEquals(0.0, r.kpis().overloadSeconds());
    }

    @Test
    void underAnEightyPercentThrottleTheAdaptersRetriesAndTheEnginesBackoffMoveTrafficWithinThreeMinutes() {
        // A flat 30 s engine retry and one attempt per publish took over 10 minutes on seed 2.
        java.util.Map<Long, Double> moved = new java.util.TreeMap<>();
        for (long seed = 1; seed <= 4; seed++) {
            Scenario s = SimFixtures.scenario(Duration.ofMinutes(20), List.of(
                    SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 60, 900, 0),
                    SimFixtures.fault(Fault.Kind.DNS_THROTTLE, "", 0, 1200, 0.8)), Objectives.NONE).withSeed(seed);

            RunResult r = Drill.runOne(s, setup, HoustonPolicy.NAME, ms -> { });

            moved.put(seed, r.kpis().timeToMove90());
        }

        assertTrue(moved.values().stream().allMatch(t -> t <= 180), "seconds to move 90% per seed: " + moved);
    }
}
