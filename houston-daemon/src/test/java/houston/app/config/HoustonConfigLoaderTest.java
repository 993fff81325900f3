package houston.app.config;

import houston.core.config.EngineConfig;
import houston.core.config.ProbeConfig;
import houston.core.model.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HoustonConfigLoaderTest {

    @TempDir
    Path dir;

    private Path file(String hocon) throws IOException {
        return ConfigFiles.write(dir, hocon);
    }

    private List<String> problems(String hocon) throws IOException {
        return ConfigFiles.problems(dir, hocon);
    }

    @Test
    void shippedEngineDefaultsAreTheCoreDefaults() {
        HoustonSettings s = HoustonConfigLoader.load(null);

        EngineConfig core = EngineConfig.defaults();
        assertEquals(core.withHealth(core.health().withVantages(s.engine().health().vantages(), 2)), s.engine());
    }

    @Test
    void shippedProbeDefaultsAreTheCoreDefaults() {
        assertEquals(ProbeConfig.defaults(), HoustonConfigLoader.load(null).probes());
    }

    @Test
    void quorumAboveTheVantageCountNamesKeyValueExpectationAndPlace() throws IOException {
        List<String> problems = problems("houston.health.quorum = 5\n");

        assertEquals(List.of("houston.health.quorum: 5 (expected: 1..vantages=3) in " + dir.resolve("houston.conf") + ":1"),
                problems);
    }

    @Test
    void aLongValueIsShownByItsStartAndItsLengthNotWhole() throws IOException {
        String vantages = "[" + "\"lab-us-east\",".repeat(60) + "\"lab-eu-west\"]";

        List<String> problems = problems("houston.health.quorum = " + vantages + "\n");

        assertEquals(1, problems.size(), problems.toString());
        String line = problems.get(0);
        assertTrue(line.startsWith("houston.health.quorum: [\"lab-us-east\",")
                && line.contains("… (855 characters) (expected: a whole number)"), line);
        assertTrue(line.length() < 400, line);
    }

    @Test
    void aFractionWhereAWholeNumberIsExpectedIsAProblemNotTruncated() throws IOException {
        List<String> problems = problems("houston.health.quorum = 2.9\nhouston.safety.max-evacuated = 1.7\n");

        assertEquals(List.of(
                "houston.health.quorum: 2.9 (expected: a whole number) in " + dir.resolve("houston.conf") + ":1",
                "houston.safety.max-evacuated: 1.7 (expected: a whole number) in " + dir.resolve("houston.conf") + ":2"),
                problems);
    }

    @Test
    void anEmptyOrSpacedSlackChannelIsAProblem() throws IOException {
        List<String> problems = problems("houston.slack.channel = \"\"\n");
        List<String> spaced = problems("houston.slack.channel = \"#houston alerts\"\n");

        assertEquals(List.of("houston.slack.channel: \"\" (expected: a channel id such as C0123ABCD, or #name) in "
                + dir.resolve("houston.conf") + ":1"), problems);
        assertEquals(List.of("houston.slack.channel: #houston alerts (expected: a channel id such as C0123ABCD, "
                + "or #name) in " + dir.resolve("houston.conf") + ":1"), spaced);
    }

    @Test
    void negativeTimeoutNamesTheAllowedRange() throws IOException {
        List<String> problems = problems("houston.probes.timeout = -3s\n");

        assertEquals(List.of("houston.probes.timeout: -3s (expected: a duration 100ms..60s) in "
                + dir.resolve("houston.conf") + ":1"), problems);
    }

    @Test
    void unknownKeyIsAnErrorWithASuggestion() throws IOException {
        List<String> problems = problems("houston.health.windw = 3s\n");

        assertEquals(List.of("houston.health.windw: unknown key (expected: did you mean houston.health.window?) in "
                + dir.resolve("houston.conf") + ":1"), problems);
    }

    @Test
    void unknownLocationFieldIsAnError() throws IOException {
        List<String> problems = problems("houston.topology.locations.us-east-1.capacity.max-instancez = 3\n");

        assertEquals(1, problems.size());
        assertEquals(true, problems.get(0).startsWith("houston.topology.locations.us-east-1.capacity.max-instancez: unknown key"));
    }

    @Test
    void everyProblemIsListedNotJustTheFirst() throws IOException {
        List<String> problems = problems("""
                houston.health.quorum = 0
                houston.hysteresis.up-threshold = 0.2
                houston.failback.steps = [0.5, 0.25]
                """);

        assertEquals(3, problems.size());
    }

    @Test
    void instancesOutsideMinMaxNameTheLocation() throws IOException {
        List<String> problems = problems("houston.topology.locations.us-east-1.capacity.instances = 5000\n");

        assertEquals(List.of("houston.topology.locations.us-east-1.capacity.instances: 5000 (expected: "
                + "min-instances..max-instances=120..998) in " + dir.resolve("houston.conf") + ":1"), problems);
    }

    @Test
    void aMissingKeyIsListedOnceAtTheObjectThatLacksIt() throws IOException {
        List<String> problems = problems("""
                houston.topology.include-default-locations = false
                houston.topology.locations {
                  dc-a { name = A, latitude = 10, longitude = 10, edges = ["192.0.2.1"], peak-demand-rps = 100,
                         capacity { instances = 2, rps-per-instance = 100, min-instances = 1, max-instances = 4,
                                    target-utilisation = 0.6, scale-up-lead-time = 60s } }
                  dc-b { name = B, latitude = 20, longitude = 20, peak-demand-rps = 100,
                         capacity { instances = 2, rps-per-instance = 100, min-instances = 1, max-instances = 4,
                                    target-utilisation = 0.6, scale-up-lead-time = 60s } }
                }
                houston.planner { receivers = 1, max-receivers = 1 }
                houston.safety { max-evacuated = 1, min-serving = 1 }
                """);

        assertEquals(List.of("houston.topology.locations.dc-b.edges: missing (expected: a list of strings) in "
                + dir.resolve("houston.conf") + ":6"), problems);
    }

    /** A topology of {@code n} small locations (dc-a, dc-b, ...), replacing the default fifteen. */
    private static String ownLocations(int n) {
        StringBuilder out = new StringBuilder("houston.topology.include-default-locations = false\n");
        for (int i = 0; i < n; i++) {
            char c = (char) ('a' + i);
            out.append(String.format("houston.topology.locations.dc-%c { name = %c, latitude = %d, longitude = %d, "
                    + "edges = [\"192.0.2.%d\"], peak-demand-rps = 100, capacity { instances = 2, rps-per-instance = 100, "
                    + "min-instances = 1, max-instances = 4, target-utilisation = 0.6, scale-up-lead-time = 60s } }%n",
                    c, Character.toUpperCase(c), 10 * (i + 1), 10 * (i + 1), i + 1));
        }
        return out.toString();
    }

    @Test
    void aDefaultPastASmallTopologysBoundNamesTheTopologyNotJustTheRange() throws IOException {
        // Four locations and the shipped max-receivers 6: the user set neither key, the topology bounds it.
        List<String> problems = problems(ownLocations(4) + "houston.safety { max-evacuated = 1, min-serving = 1 }\n");

        assertTrue(problems.stream().anyMatch(p -> p.startsWith("houston.planner.max-receivers: 6 (expected: 1..3: one "
                + "fewer than the topology's 4 locations) in ")), problems.toString());
    }


    @Test
    void syntaxErrorNamesTheFileAndLine() throws IOException {
        List<String> problems = problems("houston {\n  tick = \n");

        assertEquals(1, problems.size());
        assertEquals(true, problems.get(0).startsWith("(syntax):"), problems.get(0));
        assertEquals(true, problems.get(0).contains("houston.conf"), problems.get(0));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"file(\"missing.conf\")", "classpath(\"missing.conf\")",
            "url(\"file:/nonexistent/missing.conf\")", "required(file(\"missing.conf\"))"})
    void everyFormOfAMissingIncludeIsAProblemAtItsLine(String include) throws IOException {
        Path conf = file("houston.health.quorum = 2\ninclude " + include + "\n");

        ConfigException e = assertThrows(ConfigException.class, () -> HoustonConfigLoader.load(conf));

        assertEquals(List.of("include"), e.problems().stream().map(ConfigProblem::key).toList());
        assertEquals(conf + ":2", e.problems().get(0).origin());
    }

    @Test
    void missingFileIsReported() {
        ConfigException e = assertThrows(ConfigException.class, () -> HoustonConfigLoader.load(dir.resolve("nope.conf")));

        assertEquals("--config", e.problems().get(0).key());
    }

    @Test
    void overridingOneLocationValueKeepsEverythingElse() throws IOException {
        HoustonSettings s = HoustonConfigLoader.load(file("houston.topology.locations.us-east-1.capacity.max-instances = 900\n"));

        assertEquals(900, s.topology().location("us-east-1").capacity().maxInstances());
        assertEquals(15, s.topology().size());
    }

    @Test
    void ownLocationsOnlyReplacesTheDefaultFifteen() throws IOException {
        HoustonSettings s = HoustonConfigLoader.load(file("""
                houston.topology.include-default-locations = false
                houston.topology.locations {
                  dc-a { name = A, latitude = 10, longitude = 10, edges = ["192.0.2.1"], peak-demand-rps = 100,
                         capacity { instances = 2, rps-per-instance = 100, min-instances = 1, max-instances = 4,
                                    target-utilisation = 0.6, scale-up-lead-time = 60s } }
                  dc-b { name = B, latitude = 20, longitude = 20, edges = ["192.0.2.2"], peak-demand-rps = 100,
                         capacity { instances = 2, rps-per-instance = 100, min-instances = 1, max-instances = 4,
                                    target-utilisation = 0.6, scale-up-lead-time = 60s } }
                }
                houston.planner { receivers = 1, max-receivers = 1 }
                houston.safety { max-evacuated = 1, min-serving = 1 }
                """));

        assertEquals(List.of("dc-a", "dc-b"), s.topology().locations().stream().map(Location::id).toList());
    }

    @Test
    void rttDistancesRankNeighboursWhenConfigured() throws IOException {
        StringBuilder rtt = new StringBuilder("houston.topology.distance = rtt\nhouston.topology.rtt-ms {\n");
        List<String> ids = HoustonConfigLoader.load(null).topology().ids();
        for (int i = 0; i < ids.size(); i++) {
            rtt.append("  ").append(ids.get(i)).append(" {");
            for (int j = i + 1; j < ids.size(); j++) {
                // Make eu-north-1 the nearest of every location, by measurement.
                int ms = ids.get(j).equals("eu-north-1") || ids.get(i).equals("eu-north-1") ? 1 : 100 + j;
                rtt.append(' ').append(ids.get(j)).append(" = ").append(ms).append(',');
            }
            rtt.append(" }\n");
        }
        HoustonSettings s = HoustonConfigLoader.load(file(rtt.append("}\n").toString()));

        assertEquals("eu-north-1", s.topology().nearest("ap-southeast-2", 1).get(0).id());
    }

    @Test
    void rttModeWithMissingPairsIsAnError() throws IOException {
        List<String> problems = problems("houston.topology.distance = rtt\n");

        assertEquals(15 * 14, problems.size());
    }

    @Test
    void webhookScalerNeedsItsUrls() throws IOException {
        List<String> problems = problems("houston.scaler.provider = webhook\n");

        assertEquals(2, problems.size());
        assertEquals(true, problems.get(0).startsWith("houston.scaler.webhook.scale-url: \"\" (expected: an http(s) URL"),
                problems.get(0));
    }

    @Test
    void kubernetesScalerNeedsAWorkloadForEveryLocation() throws IOException {
        List<String> problems = problems("""
                houston.scaler.provider = kubernetes
                houston.scaler.kubernetes.locations.us-east-1 { namespace = web, deployment = edge }
                """);

        assertEquals(1, problems.size());
        assertEquals(true, problems.get(0).contains("missing: [af-south-1"), problems.get(0));
    }

    @Test
    void kubernetesWorkloadsAreMapped() throws IOException {
        StringBuilder conf = new StringBuilder("houston.scaler.provider = kubernetes\n");
        for (String id : HoustonConfigLoader.load(null).topology().ids()) {
            conf.append("houston.scaler.kubernetes.locations.").append(id)
                    .append(" { context = prod-").append(id).append(", namespace = web, deployment = edge, hpa = edge }\n");
        }

        HoustonSettings s = HoustonConfigLoader.load(file(conf.toString()));

        assertEquals("prod-us-east-1", s.scaler().contexts().get("us-east-1"));
        assertEquals("edge", s.scaler().workloads().get("eu-west-1").hpa());
    }

    /** The shipped topology's longest scale-up lead time is af-south-1's 360 s: four of them outlast the fixed 10 min. */
    @Test
    void aScaleUpIsGivenFourTimesTheLongestLeadTimeBeforeItTimesOut() {
        assertEquals(java.time.Duration.ofMinutes(24), HoustonConfigLoader.load(null).scaler().readyTimeout());
    }

    @Test
    void withNoLeadTimesTheFixedReadyTimeoutAlone() throws IOException {
        HoustonSettings s = HoustonConfigLoader.load(file("houston.scaler.ready-lead-times = 0\n"));

        assertEquals(java.time.Duration.ofMinutes(10), s.scaler().readyTimeout());
    }

    @Test
    void aLongerFixedReadyTimeoutWins() throws IOException {
        HoustonSettings s = HoustonConfigLoader.load(file("houston.scaler.ready-timeout = 40m\n"));

        assertEquals(java.time.Duration.ofMinutes(40), s.scaler().readyTimeout());
    }
}
