package houston.app.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a new or a hostile user types, through the CLI entry point: each answer names the problem
 * (key, value, what was expected, where), exits with the documented code, and shows no stack trace.
 */
class CliRefusalsTest {

    @TempDir
    Path dir;

    private final CliSession cli = new CliSession();

    private String file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f.toString();
    }

    @AfterEach
    void noStackTrace() {
        assertFalse(cli.said().contains("Exception"), cli.said());
        assertFalse(cli.said().contains("\tat "), cli.said());
    }

    private static final String ONE_LOCATION = """
            houston.topology.include-default-locations = false
            houston.topology.locations {
              solo { name = solo, latitude = 0, longitude = 0, edges = ["127.0.0.1:1"], peak-demand-rps = 100,
                     capacity { instances = 2, rps-per-instance = 100, min-instances = 1, max-instances = 8,
                                target-utilisation = 0.6, scale-up-lead-time = 1s } }
            }
            """;

    @Test
    void benchSimQuickRunsItsShortDay() {
        int code = cli.run("bench", "sim", "--quick");

        assertEquals(0, code, cli.said());
        assertTrue(cli.out().contains("simulated            1 h of 15 locations"), cli.said());
    }

    @Test
    void aOneLocationTopologyIsAProblemInValidate() throws IOException {
        String conf = file("one.conf", ONE_LOCATION);

        int code = cli.run("validate", "--config", conf);

        assertEquals(1, code, cli.said());
        assertTrue(cli.err().contains("houston.topology.locations: 1 location (solo) (expected: at least 2 "
                + "locations, so traffic has somewhere to go) in " + conf + ":2"), cli.said());
    }

    @Test
    void aOneLocationTopologyStopsRunBeforeAnythingStarts() throws IOException {
        String conf = file("one.conf", ONE_LOCATION);

        int code = cli.run("run", "--config", conf, "--run-for", "PT1S");

        assertEquals(1, code, cli.said());
        assertTrue(cli.err().contains("houston.topology.locations: 1 location (solo)"), cli.said());
    }

    @Test
    void labFaultControllerZeroNamesTheValidRange() {
        int code = cli.run("lab", "fault", "controller", "0", "kill");

        assertEquals(2, code, cli.said());
        assertTrue(cli.err().contains("houston lab fault: controller: 0 (expected: a replica 1..9, at most the lab's "
                + "--replicas)"), cli.said());
    }

    @Test
    void labFaultWithNothingAfterTheLocationIsAUsageError() {
        int code = cli.run("lab", "fault", "us-east-1");

        assertEquals(2, code, cli.said());
        assertTrue(cli.err().contains("Missing required parameter"), cli.said());
    }

    @Test
    void labFaultVantageWithNothingAfterItIsAUsageError() {
        int code = cli.run("lab", "fault", "vantage");

        assertEquals(2, code, cli.said());
        assertTrue(cli.err().contains("Missing required parameter"), cli.said());
    }

    @Test
    void labFaultVantageWithoutWhatToDoSaysWhatIsExpected() {
        int code = cli.run("lab", "fault", "vantage", "lab-us-east");

        assertEquals(2, code, cli.said());
        assertTrue(cli.err().contains("(expected: vantage NAME partition|clear)"), cli.said());
    }

    @Test
    void aPortOutOfRangeIsRefusedBeforeTheLabStarts() {
        int code = cli.run("lab", "--port", "70000");

        assertEquals(2, code, cli.said());
        assertTrue(cli.err().contains("houston lab: --port: 70000 (expected: 0..65535)"), cli.said());
    }

    @Test
    void aNegativeFaultLengthInADrillIsAProblem() throws IOException {
        String drill = file("drill.conf", "drill { length = 20m, faults = [{ kind = outage, target = eu-west-1, "
                + "at = 2m, length = -5m }] }\n");

        int code = cli.run("drill", "run", drill);

        assertEquals(1, code, cli.said());
        assertTrue(cli.err().contains("drill.faults[0].length: -5m (expected: a duration 1s..744h) in " + drill
                + ":1"), cli.said());
    }

    @Test
    void aNegativeDrillLengthIsAProblem() throws IOException {
        String drill = file("drill.conf", "drill { length = -5m, faults = [{ kind = outage, target = eu-west-1, "
                + "at = 2m }] }\n");

        int code = cli.run("drill", "run", drill);

        assertEquals(1, code, cli.said());
        assertTrue(cli.err().contains("drill.length: -5m (expected: a duration 60s..744h) in " + drill + ":1"),
                cli.said());
    }

    @Test
    void aMissingIncludeIsAProblem() throws IOException {
        String conf = file("main.conf", "include \"missing.conf\"\nhouston.health.quorum = 2\n");

        int code = cli.run("validate", "--config", conf);

        assertEquals(1, code, cli.said());
        assertTrue(cli.err().contains("include: \"missing.conf\" (expected: a file that exists, relative to the "
                + "including file) in " + conf + ":1"), cli.said());
        assertFalse(cli.out().contains("configuration OK"), cli.said());
    }

    @Test
    void anIncludeThatExistsIsRead() throws IOException {
        file("quorum.conf", "houston.health.quorum = 3\n");
        String conf = file("main.conf", "include \"quorum.conf\"\n");

        int code = cli.run("validate", "--config", conf);

        assertEquals(0, code, cli.said());
        assertTrue(cli.out().contains("quorum 3"), cli.said());
    }

    @Test
    void faultAmountsOutsideTheirKindsMeaningAreProblems() throws IOException {
        String drill = file("drill.conf", """
                drill { length = 20m, faults = [
                  { kind = brownout, target = eu-west-1, at = 2m, amount = 1.5 },
                  { kind = flap, target = eu-west-2, at = 2m, amount = 0 } ] }
                """);

        int code = cli.run("drill", "run", drill);

        assertEquals(1, code, cli.said());
        assertTrue(cli.err().contains("drill.faults[0].amount: 1.5 (expected: the failing fraction of requests, "
                + "0 < x <= 1) in " + drill + ":2"), cli.said());
        assertTrue(cli.err().contains("drill.faults[1].amount: 0 (expected: the half-period in seconds, 1..86400) in "
                + drill + ":3"), cli.said());
    }

    @Test
    void anExtraWordAfterALabFaultIsRefusedNotIgnored() {
        int code = cli.run("lab", "fault", "us-east-1", "outage", "extra", "--port", "1");

        assertEquals(2, code, cli.said());
        assertTrue(cli.err().contains("unexpected 'extra' after 'outage' (expected: nothing more)"), cli.said());
    }

    @Test
    void aBrownoutWithoutANumberSaysTheNumberIsMissing() {
        int code = cli.run("lab", "fault", "eu-west-1", "brownout", "--port", "1");

        assertEquals(2, code, cli.said());
        assertTrue(cli.err().contains("a number is missing (expected: brownout PCT (1..100))"), cli.said());
        assertFalse(cli.err().contains("null"), cli.said());
    }

    @Test
    void planWithNoLocationToEvacuateIsRefused() {
        int code = cli.run("plan", "--evacuate", ",");

        assertEquals(2, code, cli.said());
        assertTrue(cli.err().contains("(expected: one or more location ids, comma-separated"), cli.said());
        assertFalse(cli.out().contains("would be published"), cli.said());
    }

    @Test
    void maxInstancesBelowInstancesIsReportedAgainstTheUsersFile() throws IOException {
        String conf = file("max.conf", "houston.topology.locations.us-east-1.capacity.max-instances = 100\n");

        int code = cli.run("validate", "--config", conf);

        assertEquals(1, code, cli.said());
        assertTrue(cli.err().contains("houston.topology.locations.us-east-1.capacity.max-instances: 100 "
                + "(expected: at least 399 (min-instances=120, instances=399)) in " + conf + ":1"), cli.said());
        assertFalse(cli.err().contains("topology.conf"), cli.said());
    }

    @Test
    void aQuorumOfZeroStatesTheRealBound() throws IOException {
        String conf = file("q.conf", "houston.health.quorum = 0\n");

        int code = cli.run("validate", "--config", conf);

        assertEquals(1, code, cli.said());
        assertTrue(cli.err().contains("houston.health.quorum: 0 (expected: 1..vantages=3) in " + conf + ":1"),
                cli.said());
    }

    @Test
    void survivingMoreLossesThanMinServingAllowsNamesMinServing() {
        int code = cli.run("capacity", "--survive", "6");

        assertEquals(2, code, cli.said());
        assertTrue(cli.err().contains("--survive: 6 (expected: 1..5; houston.safety.min-serving = 10 keeps at "
                + "least 10 of 15 locations serving)"), cli.said());
    }

    @Test
    void aFileThatIsNotUtf8IsOneProblemNamingTheEncoding() throws IOException {
        Path latin1 = dir.resolve("latin1.conf");
        Files.write(latin1, "houston.health.quorum = 2\nhouston.slack.channel = \"caf\u00e9\"\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        int code = cli.run("validate", "--config", latin1.toString());

        assertEquals(1, code, cli.said());
        assertTrue(cli.err().contains("configuration has 1 problem:"), cli.said());
        assertTrue(cli.err().contains("(encoding): byte 0xE9 is not UTF-8 (expected: a UTF-8 text file; save it as "
                + "UTF-8) in " + latin1 + ":2"), cli.said());
    }

    @Test
    void aSyntaxErrorSaysWhereOnce() throws IOException {
        String conf = file("bad.conf", "houston.health.quorum = = 2\n");

        int code = cli.run("validate", "--config", conf);

        assertEquals(1, code, cli.said());
        assertFalse(cli.err().contains("bad.conf: 1:"), cli.said());
        assertTrue(cli.err().contains(" in " + conf + ":1"), cli.said());
    }

    @Test
    void benchEngineWithATopologySizeThatIsNotANumberIsAUsageError() {
        int code = cli.run("bench", "engine", "--locations", "abc");

        assertEquals(2, code, cli.said());
        assertTrue(cli.err().contains("--locations"), cli.said());
    }

    @Test
    void benchNumbersOutOfRangeAreUsageErrors() {
        int minutes = cli.run("bench", "soak", "--minutes", "-1");
        String soak = cli.err();
        int locations = cli.run("bench", "engine", "--locations", "1");

        assertEquals(2, minutes, soak);
        assertTrue(soak.contains("--minutes: -1.0 (expected: more than 0)"), soak);
        assertEquals(2, locations, cli.said());
        assertTrue(cli.err().contains("--locations: 1 (expected: 2..10000)"), cli.said());
    }
}
