package houston.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import houston.app.config.DrillReader;
import houston.sim.Drill;
import houston.sim.DrillTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    @TempDir
    Path dir;

    private final CliSession cli = new CliSession();

    @Test
    void validateOnTheBuiltInDefaultsExitsZeroWithASummary() {
        int code = cli.run("validate");

        assertEquals(0, code);
        assertTrue(cli.out().contains("locations   15"), cli.out());
    }

    @Test
    void validateWarnsAboutReplicaKeysThatProviderNoneIgnores() throws IOException {
        Path conf = dir.resolve("ha.conf");
        Files.writeString(conf, "houston.ha { replica = eu-west-1, zookeeper.connect = \"zk1:2181\" }\n");

        int code = cli.run("validate", "--config", conf.toString());

        assertEquals(0, code, cli.said());
        assertTrue(cli.out().contains("  warning     houston.ha.replica, houston.ha.zookeeper.connect are set but "
                + "houston.ha.provider = none: they do nothing (expected: houston.ha.provider = zookeeper to run as a replica)"),
                cli.out());
    }

    @Test
    void validateListsEveryProblemAndExitsOne() throws IOException {
        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "houston.health.quorum = 9\nhouston.planner.receivers = 0\n");

        int code = cli.run("validate", "--config", bad.toString());

        assertEquals(1, code);
        assertTrue(cli.err().contains("configuration has 2 problems"), cli.err());
        assertTrue(cli.err().contains("houston.health.quorum: 9 (expected: 1..vantages=3)"), cli.err());
    }

    @Test
    void theProductionExampleValidatesAsDocumentedAwayFromItsSecrets() {
        String example = Path.of("..", "config", "examples", "production.conf").toString();

        CliRun skipping = CliRun.of("validate", "--skip-secrets", "--config", example);
        CliRun reading = CliRun.of("validate", "--config", example);

        assertEquals(0, skipping.code(), skipping.err());
        assertTrue(skipping.out().contains("secrets     not read (--skip-secrets)"), skipping.out());
        assertEquals(1, reading.code());
        assertTrue(reading.err().contains("houston.api.token-file: /etc/houston/api-token (expected: a readable file "
                + "holding the shared secret, at least 16 bytes)"), reading.err());
    }

    @Test
    void planAsJsonHasTheDocumentedShape() throws IOException {
        int code = cli.run("plan", "--evacuate", "us-east-1", "--format", "json");

        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertEquals(0, code);
        assertEquals(1, json.get("generation").asLong());
        assertEquals("us-east-1", json.get("evacuations").get(0).get("origin").asText());
        // us-east-2 and ca-central-1: the nearest two hold all of it.
        assertEquals(2, json.get("evacuations").get(0).get("receivers").size());
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
    void planForThreeNeighboursAtOnceExitsZeroWithExactRows() throws IOException {
        int code = cli.run("plan", "--evacuate", "ap-southeast-1,ap-south-1,ap-northeast-1", "--format", "json");

        assertEquals(0, code, cli.err());
        JsonNode json = new ObjectMapper().readTree(cli.out());
        for (String evacuated : new String[]{"ap-southeast-1", "ap-south-1", "ap-northeast-1"}) {
            for (JsonNode plan : new JsonNode[]{json.get("interimPlan"), json.get("finalPlan")}) {
                JsonNode row = plan.get(evacuated);
                double sum = 0;
                for (JsonNode fraction : row) {
                    assertTrue(fraction.asDouble() > 0 && fraction.asDouble() <= 1, row.toString());
                    sum += fraction.asDouble();
                }
                assertEquals(1.0, sum, 1e-9, row.toString());
                assertTrue(!row.has(evacuated), "a remainder is left on " + evacuated + ": " + row);
            }
        }
    }

    @Test
    void planTableNamesReceiversAndPreScales() {
        int code = cli.run("plan", "--evacuate", "eu-west-2");

        assertEquals(0, code);
        assertTrue(cli.out().contains("Evacuate eu-west-2: move 55000 rps"), cli.out());
        assertTrue(cli.out().contains("eu-west-1"), cli.out());
        assertTrue(cli.out().contains("Pre-scale before shifting:"), cli.out());
    }

    @Test
    void planTableSaysWhereUsersGoUntilThePreScalesAreReady() {
        int code = cli.run("plan", "--evacuate", "us-east-1");

        assertEquals(0, code);
        assertTrue(cli.out().contains("Until the pre-scales are ready, us-east-1's users go where ready "
                + "instances have room:"), cli.out());
    }

    @Test
    void planForAnUnknownLocationExitsTwoNamingTheKnownOnes() {
        int code = cli.run("plan", "--evacuate", "mars-north-1");

        assertEquals(2, code);
        assertTrue(cli.err().contains("unknown location 'mars-north-1'"), cli.err());
        assertTrue(cli.err().contains("us-east-1"), cli.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"validate", "plan", "bench", "drill"}) {
            CliRun help = CliRun.of(command, "--help");

            assertEquals(0, help.code(), command);
            assertTrue(help.out().contains("Usage: houston " + command), help.out());
        }
    }

    @Test
    void anUnknownSubcommandPrintsTheUsage() {
        for (String[] args : new String[][]{{"frobnicate"}, {"plans"}, {"dns", "shwo"}}) {
            int code = cli.run(args);

            assertEquals(2, code, String.join(" ", args));
            assertTrue(cli.err().contains("Unmatched argument at index"), cli.err());
            assertTrue(cli.err().contains("Usage: houston"), String.join(" ", args) + ": " + cli.err());
        }
    }

    @Test
    void noSubcommandIsAUsageErrorNotASuccess() {
        for (String[] args : new String[][]{{}, {"dns"}}) {
            int code = cli.run(args);

            assertEquals(2, code, String.join(" ", args));
            assertTrue(cli.err().contains("missing a"), cli.err());
            assertTrue(cli.err().contains("Usage: houston"), String.join(" ", args) + ": " + cli.err());
            assertTrue(cli.out().isEmpty(), cli.out());
        }
    }

    @Test
    void drillRunRefusesAnUnwritableReportBeforeSimulating() throws IOException {
        Path drill = dir.resolve("drill.conf");
        Files.writeString(drill, "drill { length = 20m, faults = [{ kind = outage, target = eu-west-1, at = 2m, "
                + "length = 10m }] }\n");
        Path report = dir.resolve("no-such-dir").resolve("report.html");

        int code = cli.run("drill", "run", drill.toString(), "--report", report.toString());

        assertEquals(2, code, cli.out() + cli.err());
        assertTrue(cli.err().contains("--report: " + report + " (expected: a file that can be written, in a directory "
                + "that exists)"), cli.err());
        assertEquals("", cli.out(), "nothing simulated");
    }

    @Test
    void drillRunPrintsTheKpiTableAndWritesTheReport() throws IOException {
        Path drill = dir.resolve("drill.conf");
        Files.writeString(drill, "drill { length = 20m, faults = [{ kind = outage, target = eu-west-1, at = 2m, "
                + "length = 10m }], objectives { max-false-evacuations = 0 } }\n");
        Path report = dir.resolve("report.html");

        int code = cli.run("drill", "run", drill.toString(), "--report", report.toString(), "--seed", "9");

        assertEquals(0, code, cli.err());
        assertTrue(cli.out().matches("(?s).*houston +route53-failover +route53-fast +no-action\\n.*"), cli.out());
        assertTrue(cli.out().contains("ok   false evacuations <= 0"), cli.out());
        assertTrue(Files.readString(report).contains("<svg"), "report has charts");
    }

    @Test
    void drillRunExitsThreeWhenAnObjectiveIsMissed() throws IOException {
        Path drill = dir.resolve("drill.conf");
        Files.writeString(drill, "drill { length = 10m, faults = [{ kind = outage, target = eu-west-1, at = 1m }], "
                + "objectives { max-time-to-detect = 1s } }\n");

        int code = cli.run("drill", "run", drill.toString());

        assertEquals(3, code, cli.out());
        assertTrue(cli.out().contains("FAIL time to detect <= 1 s"), cli.out());
    }

    @Test
    void drillTablePrintsOneMarkdownRowPerDrillFromItsRun() throws IOException {
        Path drills = Files.createDirectory(dir.resolve("drills"));
        Path drill = drills.resolve("short-outage.conf");
        Files.writeString(drill, "drill { name = \"short eu-west-1 outage\", length = 20m, faults = [{ kind = outage, "
                + "target = eu-west-1, at = 2m, length = 10m }], objectives { max-false-evacuations = 0 } }\n");
        DrillReader.Drill read = DrillReader.read(drill);
        String expected = DrillTable.HEADER + DrillTable.row(Drill.run(read.scenario(), read.setup(), p -> { }), null);

        int code = cli.run("drill", "table", drills.toString());

        assertEquals(0, code, cli.err());
        assertEquals(expected, cli.out());
        assertTrue(cli.out().contains("| short eu-west-1 outage | "), cli.out());
        assertTrue(cli.err().contains("drill 1/1: short eu-west-1 outage"), cli.err());
    }

    @Test
    void drillTableRefusesAFileWhereADirectoryIsExpected() throws IOException {
        Path file = Files.writeString(dir.resolve("one.conf"), "drill { length = 20m }\n");

        int code = cli.run("drill", "table", file.toString());

        assertEquals(2, code);
        assertTrue(cli.err().contains("houston drill table: " + file + " (expected: a directory of drill files"),
                cli.err());
    }

    @Test
    void drillTableReportsEveryBadFileNotJustTheFirst() throws IOException {
        Path drills = Files.createDirectories(dir.resolve("bad-drills"));
        Files.writeString(drills.resolve("a.conf"), "drill.faults = [{ kind = meteor, target = eu-west-1, at = 1m }]\n");
        Files.writeString(drills.resolve("b.conf"), "drill.faults = [{ kind = outage, target = mars-1, at = 1m }]\n");

        int code = cli.run("drill", "table", drills.toString());

        assertEquals(1, code, cli.err());
        assertTrue(cli.err().contains("drill.faults[0].kind") && cli.err().contains("a.conf"), cli.err());
        assertTrue(cli.err().contains("drill.faults[0].target") && cli.err().contains("b.conf"), cli.err());
        assertEquals("", cli.out(), "nothing simulated");
    }
}
