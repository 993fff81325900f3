package houston.dns;

import houston.dns.zone.FileZone;
import houston.dns.zone.InMemoryZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file switch: the contract, with every switch instance re-reading the same file (a restart each). */
class FileDnsSwitchTest extends DnsSwitchContract {

    @TempDir
    Path dir;

    private FileZone zone;

    @Override
    protected InMemoryZone zone() {
        if (zone == null) {
            zone = new FileZone(dir.resolve("zone.json"), Clock.systemUTC(), records -> java.util.Map.of());
        }
        return zone;
    }

    @Override
    protected WeightedRecordSwitch newSwitch(String writer, int maxAttempts) {
        return new WeightedRecordSwitch(zone(), LAYOUT, settings(writer, maxAttempts));
    }

    @Test
    void aNewProcessReadsThePublishedPlanBackFromTheFile() throws Exception {
        Path file = dir.resolve("dry-run.json");
        await(new FileDnsSwitch(file, LAYOUT, settings("houston-1", 3), Clock.systemUTC()).publish(evacuateA(7)));

        FileDnsSwitch restarted = new FileDnsSwitch(file, LAYOUT, settings("houston-1", 3), Clock.systemUTC());

        assertEquals(evacuateA(7), await(restarted.readLive()));
        assertTrue(Files.readString(file).contains("\"generation\" : 7"), Files.readString(file));
    }

    @Test
    void anotherWriterOfTheFileIsFoundByTheOwnershipFenceNotOverwritten() throws Exception {
        // The file is the zone: a second process writing it (or a person editing it) took ownership, and this
        // daemon's next publish overwrote it silently from its own copy in memory.
        Path file = dir.resolve("shared.json");
        FileDnsSwitch mine = new FileDnsSwitch(file, LAYOUT, settings("houston-1", 3), Clock.systemUTC());
        await(mine.publish(evacuateA(7)));
        await(new FileDnsSwitch(file, LAYOUT, settings("intruder", 3), Clock.systemUTC()).publish(evacuateAandB(9)));

        var outcome = await(mine.publish(evacuateA(10)));

        assertEquals(houston.core.engine.ActionOutcome.PublishStatus.LOST_OWNERSHIP, outcome.status(), outcome.detail());
        assertTrue(Files.readString(file).contains("\"generation\" : 9"), Files.readString(file));
    }

    @Test
    void aZoneFileThatNoLongerParsesFailsThePublishInsteadOfBeingReplaced() throws Exception {
        Path file = dir.resolve("edited.json");
        FileDnsSwitch mine = new FileDnsSwitch(file, LAYOUT, settings("houston-1", 3), Clock.systemUTC());
        await(mine.publish(evacuateA(7)));
        Files.writeString(file, "{ not json");

        var outcome = await(mine.publish(evacuateA(8)));

        assertEquals(houston.core.engine.ActionOutcome.PublishStatus.FAILED, outcome.status(), outcome.detail());
        assertTrue(outcome.detail().contains("cannot be read"), outcome.detail());
        assertEquals("{ not json", Files.readString(file));
    }
}
