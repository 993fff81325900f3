package houston.app.daemon;

import houston.core.engine.Inputs;
import houston.core.engine.OperatorCommand;
import houston.core.port.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonlJournalTest {

    @TempDir
    Path dir;

    private static Journal.Entry entry(long tick) {
        return new Journal.Entry(tick, Instant.parse("2026-11-22T00:00:00Z").plusSeconds(tick),
                Inputs.commands(new OperatorCommand.Evacuate("us-east-1", Duration.ofMinutes(30), "drill", "U1")), List.of());
    }

    @Test
    void commandsRoundTripExactly() {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        journal.append(entry(1));

        assertEquals(entry(1).inputs(), journal.readAll().get(0).inputs());
    }

    @Test
    void measuredDemandAndRunningInstancesRoundTripExactly() {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        Inputs readings = Inputs.builder()
                .demand(List.of(new Inputs.DemandReading("us-east-1", 118_734.5), new Inputs.DemandReading("eu-west-1", 0.1)))
                .capacity(List.of(new Inputs.CapacityReading("us-east-2", 328))).build();
        journal.append(new Journal.Entry(7, Instant.parse("2026-11-22T00:00:07Z"), readings, List.of()));

        assertEquals(readings, journal.readAll().get(0).inputs());
    }

    @Test
    void controlPlaneWatchReadingsRoundTripExactlySoAReplayKnowsWhenTheApiWasDown() {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        Inputs readings = Inputs.builder().controlPlane(List.of(
                new Inputs.ControlPlaneReading(1_795_000_000_000L, false, "server_error: ServiceUnavailable: \"down\""),
                new Inputs.ControlPlaneReading(1_795_000_005_000L, true, ""))).build();
        journal.append(new Journal.Entry(8, Instant.parse("2026-11-22T00:00:08Z"), readings, List.of()));

        assertEquals(readings, journal.readAll().get(0).inputs());
    }

    @Test
    void rotationKeepsTheNewestFilesAndReadsAcrossThemInOrder() throws Exception {
        JsonlJournal journal = new JsonlJournal(dir, 300, 2);
        for (long t = 1; t <= 20; t++) {
            journal.append(entry(t));
        }

        List<Long> ticks = journal.records().stream().map(JsonlJournal.Record::tick).toList();

        assertEquals(ticks.get(ticks.size() - 1), 20L);
        for (int i = 1; i < ticks.size(); i++) {
            assertEquals(ticks.get(i - 1) + 1, ticks.get(i));
        }
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count());
        }
    }

    @Test
    void aTornLastLineFromACrashIsSkipped() throws Exception {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        journal.append(entry(1));
        Files.writeString(dir.resolve("journal.jsonl"), "{\"tick\":2,\"at\":\"20", StandardOpenOption.APPEND);

        assertEquals(1, journal.records().size());
    }

    @Test
    void aWriteThatFailedMidwayIsCutBeforeTheNextTickIsWrittenNotGluedToIt() throws Exception {
        // A full disk stopped a tick halfway through its line; the retried tick was appended onto it, and the
        // joined line was skipped on replay with the publish it held (the journal then disagreed with DNS).
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        journal.append(entry(1));
        Files.writeString(dir.resolve("journal.jsonl"), "{\"tick\":2,\"at\":\"20", StandardOpenOption.APPEND);

        journal.append(entry(2));
        journal.append(entry(3));

        assertEquals(List.of(1L, 2L, 3L), journal.records().stream().map(JsonlJournal.Record::tick).toList());
    }

    private static Journal.Entry huge(long tick, int observations) {
        Instant at = Instant.parse("2026-11-22T00:00:00Z").plusSeconds(tick);
        List<houston.core.health.Observation> obs = new java.util.ArrayList<>();
        for (int i = 0; i < observations; i++) {
            obs.add(new houston.core.health.Observation("agent-" + (i % 3), "loc-" + (i % 15), "canary-" + i + ".example",
                    at.minusMillis(i), houston.core.health.Outcome.OK, Duration.ofMillis(i)));
        }
        return new Journal.Entry(tick, at, Inputs.builder().observations(obs).commands(
                List.of(new OperatorCommand.Pin("loc-1", houston.core.engine.PinTarget.HEALTHY, null, "alice"))).build(),
                List.of());
    }

    @Test
    void aTickTooBigForOneLineIsSplitIntoPartsWithinTheLimitsAndReadBackExactly() throws Exception {
        long maxFile = 256 * 1024;
        JsonlJournal journal = new JsonlJournal(dir, maxFile, 100);
        journal.append(entry(1));
        journal.append(huge(2, 20_000));
        journal.append(entry(3));

        List<JsonlJournal.Record> records = journal.records();

        assertEquals(List.of(1L, 2L, 3L), records.stream().map(JsonlJournal.Record::tick).toList());
        Inputs written = huge(2, 20_000).inputs();
        Inputs read = records.get(1).inputs();
        assertEquals(written.observations().size(), read.observations().size());
        assertEquals(written.commands(), read.commands());
        assertTrue(written.equals(read), "the split tick reads back exactly");
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertTrue(Files.size(f) <= maxFile, f + ": " + Files.size(f));
                for (String line : Files.readAllLines(f)) {
                    assertTrue(line.length() + 1 <= JsonlJournal.maxLine(maxFile), "line of " + line.length());
                }
            }
        }
    }

    @Test
    void aCrashBetweenTheTicksPartsLosesThatTickOnlyAndTheNextStartCutsTheTornLine() throws Exception {
        JsonlJournal journal = new JsonlJournal(dir, 256 * 1024, 100);
        journal.append(entry(1));
        List<String> lines = JournalCodec.encodeLines(2, Instant.parse("2026-11-22T00:00:02Z"), huge(2, 5_000).inputs(),
                List.of(), JsonlJournal.maxLine(256 * 1024));
        Files.writeString(dir.resolve("journal.jsonl"), lines.get(0) + "\n" + lines.get(1).substring(0, 100),
                StandardOpenOption.APPEND);

        JsonlJournal reopened = new JsonlJournal(dir, 256 * 1024, 100);
        reopened.append(entry(3));

        assertTrue(lines.size() > 2, "the tick is split: " + lines.size());
        assertEquals(List.of(1L, 3L), reopened.records().stream().map(JsonlJournal.Record::tick).toList());
    }

    @Test
    void aLineLongerThanTheLimitIsNeverLoadedAndOnlyItIsSkipped() throws Exception {
        JsonlJournal journal = new JsonlJournal(dir, 256 * 1024, 100);
        journal.checkpoint(new JsonlJournal.Checkpoint(Instant.parse("2026-11-22T00:00:00Z"), java.util.Map.of(), 0, 0));
        Files.writeString(dir.resolve("journal.jsonl"), "{\"tick\":1,\"x\":\"" + "x".repeat(200_000) + "\"}\n",
                StandardOpenOption.APPEND);
        journal.append(entry(2));
        List<Long> replayed = new java.util.ArrayList<>();

        journal.replaySinceLastCheckpoint(r -> replayed.add(r.tick()));

        assertEquals(List.of(2L), replayed);
    }

    @Test
    void closingWritesACompleteClosingMarkAsTheLastLine() throws Exception {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        journal.append(entry(1));
        journal.close();

        List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));

        assertTrue(lines.get(lines.size() - 1).startsWith("{\"closed\":{\"at\":"), lines.toString());
        assertEquals(1, new JsonlJournal(dir, 1 << 20, 3).records().size());
    }
}
