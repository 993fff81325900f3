package houston.sim;

import houston.core.engine.Decision;
import houston.core.engine.DecisionKind;
import houston.core.engine.Explanation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** KPIs accrued from the true world: detection counts what the policy did; latency and distance cost users. */
class KpiRecorderTest {

    private static SimWorld world(List<Fault> faults) {
        return world(List.of(), faults);
    }

    private static SimWorld world(List<Spike> spikes, List<Fault> faults) {
        return new SimWorld(SimFixtures.topology(), new DemandModel(SimFixtures.topology(), SimFixtures.PEAK, 1.0, 20,
                spikes), faults, TtlModelTest.PROMPT, new SplittableRandom(1));
    }

    /** Error-minutes after ticking {@code w} once a second for {@code seconds}, nothing moved. */
    private static double errorMinutes(SimWorld w, int seconds) {
        KpiRecorder kpis = new KpiRecorder(w, 1000, 2000);
        for (long ms = 1000; ms <= seconds * 1000L; ms += 1000) {
            w.advance(ms);
            kpis.tick(ms, 1.0);
        }
        return kpis.kpis().errorMinutes();
    }

    private static Decision decision(DecisionKind kind) {
        return new Decision(Instant.EPOCH, "loc-03", kind, "i-1", kind.name(), false,
                new Explanation(null, null, List.of(), List.of()));
    }

    /** Time to detect when loc-03 is evacuated at {@code ms} during {@code faults}. */
    private static double detectedByEvacuationAt(long ms, Fault... faults) {
        KpiRecorder kpis = new KpiRecorder(world(List.of(faults)), 1000, 2000);
        kpis.decision(ms, decision(DecisionKind.EVACUATION_DECIDED));
        return kpis.kpis().timeToDetect();
    }

    @Test
    void aFailBackAbortedOnARefailureDetectsThatRefailure() {
        SimWorld w = world(List.of(SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 0, 600, 0),
                SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 900, 600, 0)));
        KpiRecorder kpis = new KpiRecorder(w, 1000, 2000);

        kpis.decision(2_000, decision(DecisionKind.EVACUATION_DECIDED));
        kpis.decision(903_000, decision(DecisionKind.FAILBACK_ABORTED));

        assertEquals(3.0, kpis.kpis().timeToDetect(), "the worst of 2 s and 3 s");
    }

    @Test
    void aNoticeThatActsOnNothingDetectsNothing() {
        SimWorld w = world(List.of(SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 0, 600, 0)));
        KpiRecorder kpis = new KpiRecorder(w, 1000, 2000);

        kpis.decision(2_000, decision(DecisionKind.SUSPECTED));

        assertEquals(Double.NaN, kpis.kpis().timeToDetect());
    }

    @Test
    void aLocationBackOnItsFlooredAnswerAtHomeHasFailedBack() {
        SimWorld w = world(List.of(SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 0, 600, 0)));
        // With data-plane floors, a pool at home answers its home 255/258 and three receivers 1/258 each:
        // a location back on that answer serves all it ever serves at home, though less than 99%.
        double[] atHome = new double[8];
        atHome[3] = 255 / 258.0;
        atHome[2] = atHome[4] = atHome[5] = 1 / 258.0;
        double[] away = new double[8];
        away[2] = 1.0;
        double[] homeShares = {1, 1, 1, atHome[3], 1, 1, 1, 1};
        KpiRecorder kpis = new KpiRecorder(w, 1000, 2000, homeShares);
        w.publish(3, 1_000, away);
        w.advance(10_000);
        kpis.tick(10_000, 9);

        w.publish(3, 601_000, atHome);
        w.advance(620_000);
        kpis.tick(620_000, 610);

        assertEquals(20.0, kpis.kpis().timeToFailBack());
    }

    @Test
    void usersServedAwayFromHomePayTheRoundTripAndCountWhenFar() {
        SimWorld w = world(List.of());
        KpiRecorder kpis = new KpiRecorder(w, 1000, 100);
        double[] toLoc00 = new double[8];
        toLoc00[0] = 1.0;
        w.publish(1, 0, toLoc00);
        w.advance(5_000);

        kpis.tick(5_000, 60);

        // One of eight equal catchments served one degree (111.2 km) away, for one minute.
        double km = SimFixtures.topology().location(1).position().distanceKm(SimFixtures.topology().location(0).position());
        assertEquals(km * LatencyModel.MS_PER_KM / 8, kpis.kpis().addedLatencyMs(), 1e-9);
        assertEquals(1.0, kpis.kpis().farMinutes(), 1e-9);
    }

    @Test
    void usersServedByASlowLocationPayItsInjectedLatencyAtHomeToo() {
        SimWorld w = world(List.of(SimFixtures.fault(Fault.Kind.LATENCY, "loc-03", 0, 600, 750)));
        KpiRecorder kpis = new KpiRecorder(w, 1000, 2000);
        w.advance(5_000);

        kpis.tick(5_000, 60);

        // One of eight equal catchments, at home on a location 750 ms slower.
        assertEquals(750.0 / 8, kpis.kpis().addedLatencyMs(), 1e-9);
    }

    @Test
    void anEvacuationForSlownessDetectsTheLatencyFaultsCountedFromTheFirstOnThatLocation() {
        double detect = detectedByEvacuationAt(700_000, SimFixtures.fault(Fault.Kind.LATENCY, "loc-03", 60, 600, 250),
                SimFixtures.fault(Fault.Kind.LATENCY, "loc-03", 660, 600, 750));

        assertEquals(640.0, detect);
    }

    @Test
    void overlappingFaultsOnOneLocationAreDetectedOnceFromTheFirstFault() {
        double detect = detectedByEvacuationAt(65_000, SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 60, 300, 0),
                SimFixtures.fault(Fault.Kind.BROWNOUT, "loc-03", 120, 300, 0.5));

        assertEquals(5.0, detect);
    }

    @Test
    void failBackIsTimedToNinetyPercentAtHomeLikeTheMoveSoTheTtlTailDoesNotDecideIt() {
        SimWorld w = world(List.of(SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 0, 600, 0)));
        KpiRecorder kpis = new KpiRecorder(w, 1000, 2000);
        double[] away = new double[8];
        away[2] = 1.0;
        w.publish(3, 0, away);
        w.advance(10_000);
        kpis.tick(10_000, 10);
        double[] mostlyHome = new double[8];
        mostlyHome[3] = 0.95;
        mostlyHome[2] = 0.05;

        w.publish(3, 600_000, mostlyHome);
        w.advance(700_000);
        kpis.tick(700_000, 10);

        // 5% still away (resolvers that ignore the TTL linger for up to hours): failed back all the same.
        assertEquals(100.0, kpis.kpis().timeToFailBack());
    }

    @Test
    void anOutageCountsEachMinuteInWhichItFailsMoreThanOnePercentOfTheCatchmentsRequests() {
        Fault fiveMinutes = SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 120, 300, 0);
        // 30 s inside one minute fail half of that minute's requests.
        Fault halfAMinute = SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 75, 30, 0);

        assertEquals(5.0, errorMinutes(world(List.of(fiveMinutes)), 600), 1e-9);
        assertEquals(1.0, errorMinutes(world(List.of(halfAMinute)), 300), 1e-9);
    }

    @Test
    void aCatchmentSendingNoRequestsHasNoErrorMinutesWhateverItsLocationDoes() {
        // The spike ramps to nothing over its first 6 minutes; the outage starts at 15.
        Spike nothing = new Spike("loc-03", java.time.Duration.ZERO, java.time.Duration.ofHours(1), 0);
        Fault outage = SimFixtures.fault(Fault.Kind.OUTAGE, "loc-03", 900, 300, 0);

        assertEquals(0.0, errorMinutes(world(List.of(nothing), List.of(outage)), 1500), 1e-9);
    }

    @Test
    void aFastFlapErringHalfOfEveryMinuteCountsEveryMinute() {
        // Down one second, up the next, for ten minutes: each of those minutes fails 50% of its requests.
        Fault flap = SimFixtures.fault(Fault.Kind.FLAP, "loc-03", 60, 600, 1);

        assertEquals(10.0, errorMinutes(world(List.of(flap)), 900), 1e-9);
    }
}
