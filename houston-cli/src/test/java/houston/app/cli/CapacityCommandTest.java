package houston.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapacityCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = HoustonCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void defaultTopologySurvivesAnySingleLossAfterGrowingItsReceivers() throws Exception {
        int code = run("capacity", "--format", "json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(0, code);
        assertEquals(15, json.get("casesChecked").asInt());
        assertEquals(0, json.get("shortfalls").size());
        JsonNode usEast2 = json.get("locations").findParents("location").stream()
                .filter(n -> n.get("location").asText().equals("us-east-2")).findFirst().orElseThrow();
        assertTrue(usEast2.get("delta").asInt() > 0, usEast2.toString());
        assertEquals("us-east-1", usEast2.get("worstCase").get(0).asText());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5})
    void survivingSeveralLossesIsPlannedNotRefused(int k) throws Exception {
        int code = run("capacity", "--survive", String.valueOf(k), "--format", "json");

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertTrue(code == 0 || code == 4, "exit " + code + ": " + out);
        assertEquals(k, json.get("survive").asInt());
        assertEquals(15, json.get("locations").size());
    }

    @Test
    void csvHasAHeaderAndOneRowPerLocation() {
        run("capacity", "--format", "csv");

        assertEquals(16, out.toString().lines().count());
        assertTrue(out.toString().startsWith("location,today,required,delta,worst_case"), out.toString());
    }

    @Test
    void unabsorbableLossExitsFourAndSaysWhich() throws Exception {
        Path conf = dir.resolve("tight.conf");
        Files.writeString(conf, """
                houston.topology.locations {
                  us-east-2.capacity.max-instances = 210
                  ca-central-1.capacity.max-instances = 90
                  us-west-2.capacity.max-instances = 240
                }
                houston.planner.max-receivers = 3
                """);

        int code = run("capacity", "--config", conf.toString());

        assertEquals(4, code);
        assertTrue(out.toString().contains("CANNOT SURVIVE losing us-east-1"), out.toString());
    }
}
