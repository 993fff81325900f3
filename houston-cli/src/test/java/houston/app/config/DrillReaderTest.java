package houston.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrillReaderTest {

    @TempDir
    Path dir;

    private Path drill(String text) throws Exception {
        Path file = dir.resolve("drill.conf");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aDrillFileMayTuneHoustonBesideItsScenario() throws Exception {
        Path file = drill("drill { length = 30m, faults = [{ kind = outage, target = us-east-1, at = 5m }] }\n"
                + "houston.hysteresis.down-hold = 3s\n");

        DrillReader.Drill d = DrillReader.read(file);

        assertEquals(3, d.setup().engine().hysteresis().downHold().toSeconds());
        assertEquals(25 * 60, d.scenario().faults().get(0).length().toSeconds(), "a fault without length lasts to the end");
    }

    @Test
    void anUnknownFaultKindNamesTheKeyAndTheChoices() throws Exception {
        Path file = drill("drill.faults = [{ kind = meteor, target = us-east-1, at = 1m }]\n");

        ConfigException e = assertThrows(ConfigException.class, () -> DrillReader.read(file));

        String text = e.problems().get(0).render();
        assertTrue(text.contains("drill.faults[0].kind") && text.contains("outage, refuse, brownout"), text);
    }

    @Test
    void aFaultOnALocationHoustonDoesNotKnowIsRefused() throws Exception {
        Path file = drill("drill.faults = [{ kind = outage, target = mars-1, at = 1m }]\n");

        ConfigException e = assertThrows(ConfigException.class, () -> DrillReader.read(file));

        assertTrue(e.problems().get(0).render().contains("drill.faults[0].target"), e.problems().toString());
    }

    @Test
    void aMistypedObjectiveIsAnErrorNotASilentPass() throws Exception {
        Path file = drill("drill.objectives { max-false-evacuation = 0 }\n");

        ConfigException e = assertThrows(ConfigException.class, () -> DrillReader.read(file));

        assertTrue(e.problems().get(0).render().contains("drill.objectives.max-false-evacuation"), e.problems().toString());
    }
}
