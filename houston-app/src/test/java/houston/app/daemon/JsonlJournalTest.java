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
        Inputs readings = new Inputs(List.of(), List.of(), List.of(), List.of(),
                List.of(new Inputs.DemandReading("us-east-1", 118_734.5), new Inputs.DemandReading("eu-west-1", 0.1)),
                List.of(new Inputs.CapacityReading("us-east-2", 328)));
        journal.append(new Journal.Entry(7, Instant.parse("2026-11-22T00:00:07Z"), readings, List.of()));

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
}
