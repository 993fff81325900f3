package houston.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = HoustonCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void validateOnTheBuiltInDefaultsExitsZeroWithASummary() {
        int code = run("validate");

        assertEquals(0, code);
        assertTrue(out.toString().contains("locations   15"), out.toString());
    }

    @Test
    void validateListsEveryProblemAndExitsOne() throws IOException {
        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "houston.health.quorum = 9\nhouston.planner.receivers = 0\n");

        int code = run("validate", "--config", bad.toString());

        assertEquals(1, code);
        assertTrue(err.toString().contains("configuration has 2 problems"), err.toString());
        assertTrue(err.toString().contains("houston.health.quorum: 9 (expected: 1..vantages=3)"), err.toString());
    }

    @Test
    void theProductionExampleValidatesAsDocumentedAwayFromItsSecrets() {
        String example = Path.of("..", "config", "examples", "production.conf").toString();

        int skipping = run("validate", "--skip-secrets", "--config", example);
        int reading = run("validate", "--config", example);

        assertEquals(0, skipping, err.toString());
        assertTrue(out.toString().contains("secrets     not read (--skip-secrets)"), out.toString());
        assertEquals(1, reading);
        assertTrue(err.toString().contains("houston.api.token-file: /etc/houston/api-token (expected: a readable file "
                + "holding the shared secret)"), err.toString());
    }

    @Test
    void planAsJsonHasTheDocumentedShape() throws IOException {
        int code = run("plan", "--evacuate", "us-east-1", "--format", "json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(0, code);
        assertEquals(1, json.get("generation").asLong());
        assertEquals("us-east-1", json.get("evacuations").get(0).get("origin").asText());
        assertEquals(3, json.get("evacuations").get(0).get("receivers").size());
        JsonNode interim = json.get("interimPlan").get("us-east-1");
        JsonNode last = json.get("finalPlan").get("us-east-1");
        java.util.Set<String> receivers = new java.util.TreeSet<>();
        json.get("evacuations").get(0).get("receivers").forEach(r -> receivers.add(r.get("location").asText()));
        java.util.Set<String> finalServing = new java.util.TreeSet<>();
        last.fieldNames().forEachRemaining(finalServing::add);
        // Published now: where ready instances have room, which includes eu-west-1, not a receiver;
        // once the pre-scales are ready: the receivers only.
        assertTrue(interim.has("eu-west-1"), interim.toString());
        assertEquals(receivers, finalServing);
        assertEquals(1.0, sum(interim), 1e-9);
        assertEquals(1.0, sum(last), 1e-9);
        assertTrue(json.get("plan") == null, "no field named plan: it did not say which plan");
        assertTrue(json.get("preScale").size() > 0);
    }

    private static double sum(JsonNode row) {
        double sum = 0;
        for (JsonNode fraction : row) {
            sum += fraction.asDouble();
        }
        return sum;
    }

    @Test
    void planTableNamesReceiversAndPreScales() {
        int code = run("plan", "--evacuate", "eu-west-2");

        assertEquals(0, code);
        assertTrue(out.toString().contains("Evacuate eu-west-2: move 55000 rps"), out.toString());
        assertTrue(out.toString().contains("eu-west-1"), out.toString());
        assertTrue(out.toString().contains("Pre-scale before shifting:"), out.toString());
    }

    @Test
    void planTableSaysWhereUsersGoUntilThePreScalesAreReady() {
        int code = run("plan", "--evacuate", "us-east-1");

        assertEquals(0, code);
        assertTrue(out.toString().contains("Until the pre-scales are ready, us-east-1's users go where ready "
                + "instances have room:"), out.toString());
    }

    @Test
    void planForAnUnknownLocationExitsTwoNamingTheKnownOnes() {
        int code = run("plan", "--evacuate", "mars-north-1");

        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown location 'mars-north-1'"), err.toString());
        assertTrue(err.toString().contains("us-east-1"), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"validate", "plan", "bench", "drill"}) {
            StringWriter help = new StringWriter();
            CommandLine cli = HoustonCli.commandLine();
            cli.setOut(new PrintWriter(help, true));

            int code = cli.execute(command, "--help");

            assertEquals(0, code, command);
            assertTrue(help.toString().contains("Usage: houston " + command), help.toString());
        }
    }

    @Test
    void drillRunPrintsTheKpiTableAndWritesTheReport() throws IOException {
        Path drill = dir.resolve("drill.conf");
        Files.writeString(drill, "drill { length = 20m, faults = [{ kind = outage, target = eu-west-1, at = 2m, "
                + "length = 10m }], objectives { max-false-evacuations = 0 } }\n");
        Path report = dir.resolve("report.html");

        int code = run("drill", "run", drill.toString(), "--report", report.toString(), "--seed", "9");

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("houston  route53-failover         no-action"), out.toString());
        assertTrue(out.toString().contains("ok   false evacuations <= 0"), out.toString());
        assertTrue(Files.readString(report).contains("<svg"), "report has charts");
    }

    @Test
    void drillRunExitsThreeWhenAnObjectiveIsMissed() throws IOException {
        Path drill = dir.resolve("drill.conf");
        Files.writeString(drill, "drill { length = 10m, faults = [{ kind = outage, target = eu-west-1, at = 1m }], "
                + "objectives { max-time-to-detect = 1s } }\n");

        int code = run("drill", "run", drill.toString());

        assertEquals(3, code, out.toString());
        assertTrue(out.toString().contains("FAIL time to detect <= 1 s"), out.toString());
    }
}
