package houston.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    void aFaultWithoutItsTargetSaysWhereTheFaultIs() throws Exception {
        Path file = drill("drill.length = 30m\ndrill.faults = [\n  { kind = outage, at = 1m }\n]\n");

        ConfigException e = assertThrows(ConfigException.class, () -> DrillReader.read(file));

        String text = e.problems().get(0).render();
        assertTrue(text.startsWith("drill.faults[0].target: missing (expected: one of ["), text);
        assertTrue(text.endsWith("in " + file + ":3"), text);
    }

    @Test
    void aMistypedObjectiveIsAnErrorNotASilentPass() throws Exception {
        Path file = drill("drill.objectives { max-false-evacuation = 0 }\n");

        ConfigException e = assertThrows(ConfigException.class, () -> DrillReader.read(file));

        assertTrue(e.problems().get(0).render().contains("drill.objectives.max-false-evacuation"), e.problems().toString());
    }

    /** The problems reading {@code text} as a drill file gives, rendered as a human reads them. */
    private String refused(String text) throws Exception {
        Path file = drill(text);
        ConfigException e = assertThrows(ConfigException.class, () -> DrillReader.read(file));
        return String.join("\n", e.problems().stream().map(ConfigProblem::render).toList());
    }

    @Test
    void moreThanAThousandFaultsAreRefusedBeforeAnyIsRead() throws Exception {
        StringBuilder faults = new StringBuilder("drill.length = 744h\ndrill.faults = [\n");
        for (int i = 0; i < 1001; i++) {
            faults.append("{ kind = outage, target = us-east-1, at = ").append(i * 2).append("m, length = 1m }\n");
        }

        String text = refused(faults.append("]\n").toString());

        assertTrue(text.startsWith("drill.faults: ") && text.contains("(expected: at most 1000 faults (found 1001))"), text);
    }

    @Test
    void aNameOrDescriptionWithAControlCharacterIsRefused() throws Exception {
        String name = refused("drill.name = \"\\u001b[2Jcleared\"\n");
        String description = refused("drill.description = \"one\\ntwo\"\n");

        assertTrue(name.startsWith("drill.name: ") && name.contains("(U+001B at character 1)"), name);
        assertEquals(-1, TerminalText.firstActing(name), "the refusal itself reaches no terminal raw: " + name);
        assertEquals(-1, TerminalText.firstActing(description), description);
        assertTrue(description.startsWith("drill.description: ") && description.contains("(U+000A at character 4)"),
                description);
    }

    @Test
    void anAmountOnAnOutageIsRefused() throws Exception {
        String text = refused("drill.faults = [{ kind = outage, target = us-east-1, at = 1m, amount = 0.5 }]\n");

        assertTrue(text.contains("drill.faults[0].amount: 0.5 (expected: no amount: outage takes none)")
                && text.contains("drill.conf:1"), text);
    }

    @Test
    void aTargetOnADnsFaultIsRefused() throws Exception {
        String text = refused("drill.faults = [{ kind = dns-throttle, target = us-east-1, at = 1m }]\n");

        assertTrue(text.contains("drill.faults[0].target: us-east-1 (expected: \"\" or no target: dns-throttle hits "
                + "the DNS API, not one location)"), text);
    }

    @Test
    void aFaultOfZeroLengthIsRefused() throws Exception {
        String text = refused("drill.faults = [{ kind = outage, target = us-east-1, at = 1m, length = 0s }]\n");

        assertTrue(text.contains("drill.faults[0].length: 0s (expected: a duration 1s.."), text);
    }

    @Test
    void overlappingFaultsOnOneLocationAreRefusedNamingTheOtherFault() throws Exception {
        String text = refused("drill.faults = [\n"
                + "  { kind = outage, target = us-east-1, at = 1m, length = 5m }\n"
                + "  { kind = brownout, target = us-east-1, at = 2m, length = 5m }\n"
                + "]\n");

        assertTrue(text.contains("drill.faults[1].at: 2m (expected: at or after 6m, when drill.faults[0] "
                + "(outage us-east-1) ends: one fault at a time per location)") && text.contains("drill.conf:3"), text);
    }

    @Test
    void faultsThatFollowEachOtherOnOneLocationAreAccepted() throws Exception {
        Path file = drill("drill.faults = [\n"
                + "  { kind = latency, target = us-east-1, at = 10m, length = 10m, amount = 250 }\n"
                + "  { kind = latency, target = us-east-1, at = 20m, length = 10m, amount = 500 }\n"
                + "]\n");

        assertEquals(2, DrillReader.read(file).scenario().faults().size());
    }

    @Test
    void compoundDurationsAreReadInDrillsAndInHoustonsKeys() throws Exception {
        Path file = drill("drill { length = 1h30m, faults = [{ kind = outage, target = us-east-1, at = 31m30s }] }\n"
                + "houston.hysteresis.down-hold = 1m30s\n");

        DrillReader.Drill d = DrillReader.read(file);

        assertEquals(90 * 60, d.scenario().length().toSeconds());
        assertEquals(31 * 60 + 30, d.scenario().faults().get(0).at().toSeconds());
        assertEquals(90, d.setup().engine().hysteresis().downHold().toSeconds());
    }

    @Test
    void aHoustonBlockInsideTheDrillBlockSaysItBelongsAtTheTopLevel() throws Exception {
        String text = refused("drill {\n  length = 30m\n  houston { scaler.ready-timeout = 20m }\n}\n");

        assertTrue(text.contains("drill.houston: a houston { } block inside drill { } (expected: houston { } at the "
                + "top level of the file, beside drill { })") && text.contains("drill.conf:3"), text);
        assertEquals(List.of(), List.of(text.split("\n")).stream().filter(l -> l.contains("unknown key")).toList());
    }

    @Test
    void aFaultRunningPastTheEndOfTheDrillIsRefusedLikeOneStartingAfterIt() throws Exception {
        String text = refused("drill {\n  length = 2h\n"
                + "  faults = [ { kind = outage, target = eu-west-1, at = 1h50m, length = 5h } ]\n}\n");

        assertEquals("drill.faults[0].length: 5h (expected: a duration 1s..10m: the drill ends at 2h) in "
                + dir.resolve("drill.conf") + ":3", text);
    }

    @Test
    void aDemandSpikeRunningPastTheEndOfTheDrillIsRefusedAsAFaultIs() throws Exception {
        String text = refused("drill {\n  length = 2h\n"
                + "  demand { spikes = [ { location = eu-west-1, at = 110m, length = 30m, factor = 2 } ] }\n}\n");

        assertEquals("drill.demand.spikes[0].length: 30m (expected: a duration 1s..10m: the drill ends at 2h) in "
                + dir.resolve("drill.conf") + ":3", text);
    }

    @Test
    void aFaultEndingWithTheDrillIsAccepted() throws Exception {
        Path file = drill("drill { length = 2h, faults = [{ kind = outage, target = eu-west-1, at = 1h50m, length = 10m }] }\n");

        assertEquals(600, DrillReader.read(file).scenario().faults().get(0).length().toSeconds());
    }

    @Test
    void aFaultWithoutItsTargetWrittenOnOneLineSaysWhereItIs() throws Exception {
        String text = refused("drill {\n  name = \"no-target\"\n  faults = [ { kind = outage, at = 10m, length = 5m } ]\n\n}\n");

        assertTrue(text.startsWith("drill.faults[0].target: missing (expected: one of ["), text);
        assertTrue(text.endsWith("in " + dir.resolve("drill.conf") + ":3"), text);
    }

    @Test
    void aProbeLossLosingEveryProbeIsRefused() throws Exception {
        String text = refused("drill {\n  probe-loss = 1.0\n}\n");

        assertEquals("drill.probe-loss: 1 (expected: 0 <= x < 1, the fraction of probes lost: at 1 every probe is "
                + "lost and Houston sees nothing) in " + dir.resolve("drill.conf") + ":2", text);
    }
}
