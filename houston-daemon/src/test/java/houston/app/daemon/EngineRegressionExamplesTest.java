package houston.app.daemon;

import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.engine.Inputs;
import houston.core.engine.Inputs.CapacityReading;
import houston.core.engine.Inputs.DemandReading;
import houston.core.health.Outcome;
import houston.core.props.EngineScenario;
import houston.core.props.History;
import houston.core.props.History.Tick;
import houston.core.props.HistoryRunner;
import houston.core.props.Invariant;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Histories the engine properties shrank to on the default topology, kept as regression tests: a
 * timed-out pre-scale once counted as ready; and the journal once dropped the demand and capacity
 * readings the engine acts on, so a replay decided differently (one capacity reading of af-south-1
 * at 35 instances: the run scaled it back to 34, the replay did nothing).
 */
class EngineRegressionExamplesTest {

    private static final Instant AT = Instant.parse("2026-11-22T03:00:01Z");

    @Test
    void aCapacityReadingReplaysFromTheJournal() {
        // Shrunk on the default topology: af-south-1 reported at 35 instances (its own size is 34).
        EngineScenario scenario = new EngineScenario(DefaultTopologyEnginePropertiesTest.SETTINGS.topology(),
                DefaultTopologyEnginePropertiesTest.SETTINGS.engine(),
                History.of(Tick.after(1000).with(new CapacityReading("af-south-1", 35))));
        List<HistoryRunner.Entry> journal = scenario.play(Set.of());

        List<String> replayed = JournalReplay.replayed(scenario, journal);

        assertEquals(JournalReplay.taken(journal), replayed);
    }

    @Test
    void aTimedOutPreScaleDoesNotCountAsReadyOnTheDefaultTopology() {
        // Shrunk on the default topology: us-east-1 dies and shifts what its receivers carry now; half
        // an hour later the pre-scale timeout moves the rest onto receivers that never grew
        // (ca-central-1: 44,664 rps on 84 instances that serve 42,000).
        EngineScenario scenario = new EngineScenario(DefaultTopologyEnginePropertiesTest.SETTINGS.topology(),
                DefaultTopologyEnginePropertiesTest.SETTINGS.engine(), History.of(
                        Tick.after(3001).with(new History.Probes(-1, 12, Outcome.HTTP_ERROR)),
                        Tick.after(120000),
                        Tick.after(1799999).with(new History.PublishOutcome(PublishStatus.INSYNC, false)),
                        Tick.after(120000)));

        assertDoesNotThrow(() -> scenario.play(Set.of(Invariant.RECEIVERS_WITHIN_READY_CAPACITY)));
    }

    @Test
    void theJournalKeepsCapacityReadings() {
        Inputs withReading = Inputs.builder().capacity(List.of(new CapacityReading("af-south-1", 35))).build();

        JsonlJournal.Record read = JournalCodec.decode(JournalCodec.encode(0, AT, withReading, List.of()));

        assertEquals(withReading, read.inputs());
    }

    @Test
    void timedDemandReadingsReplayToTheSameDecisionsIncludingTheirFallBackToPeak() {
        long start = HistoryRunner.START.toEpochMilli();
        // Measured, then nothing for four minutes (stale: back to the peak, alerted), then a reading
        // that was already old when it arrived (ignored), then a fresh one.
        EngineScenario scenario = new EngineScenario(DefaultTopologyEnginePropertiesTest.SETTINGS.topology(),
                DefaultTopologyEnginePropertiesTest.SETTINGS.engine(), History.of(
                        Tick.after(1000).with(new DemandReading("us-east-1", 200_000, start + 500),
                                new DemandReading("us-east-2", 10_000, start + 900)),
                        Tick.after(240_000),
                        Tick.after(1000).with(new DemandReading("us-east-1", 150_000, start + 1000)),
                        Tick.after(1000).with(new DemandReading("us-east-1", 190_000, start + 242_500))));
        List<HistoryRunner.Entry> journal = scenario.play(Set.of());

        List<String> replayed = JournalReplay.replayed(scenario, journal);

        assertEquals(JournalReplay.taken(journal), replayed);
        assertEquals(1, replayed.stream().filter(line -> line.contains("DEMAND_STALE")).count(), replayed.toString());
    }

    @Test
    void theJournalKeepsWhenAReadingWasMeasured() {
        Inputs withReadings = Inputs.builder()
                .demand(List.of(new DemandReading("us-east-1", 84_000.5, AT.toEpochMilli() - 4_000)))
                .capacity(List.of(new CapacityReading("us-east-2", 300, AT.toEpochMilli() - 2_000))).build();

        JsonlJournal.Record read = JournalCodec.decode(JournalCodec.encode(0, AT, withReadings, List.of()));

        assertEquals(withReadings, read.inputs());
    }

    @Test
    void theJournalKeepsDemandReadings() {
        Inputs withReading = Inputs.builder().demand(List.of(new DemandReading("us-east-1", 84_000.5))).build();

        JsonlJournal.Record read = JournalCodec.decode(JournalCodec.encode(0, AT, withReading, List.of()));

        assertEquals(withReading, read.inputs());
    }
}
