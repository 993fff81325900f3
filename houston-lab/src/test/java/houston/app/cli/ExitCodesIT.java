package houston.app.cli;

import houston.app.config.HoustonConfigLoader;
import houston.app.lab.Lab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's command table is the contract: every exit code it lists for a command is produced
 * by an invocation here, and every invocation here is listed there. A code added to either side
 * alone fails this test. Every command also answers a usage error with 2.
 */
class ExitCodesIT {

    private static final Pattern ROW = Pattern.compile("^\\| (`\\./houston .*) \\| .* \\| ([^|]*) \\|$");
    private static final Pattern COMMAND = Pattern.compile("`\\./houston ((?:[a-z]+ ?)+)");

    @TempDir
    static Path dir;

    private static Lab lab;

    @BeforeAll
    static void startALab() throws Exception {
        lab = Lab.start(HoustonConfigLoader.load(null), 0, Files.createDirectory(dir.resolve("lab-journal")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopTheLab() throws Exception {
        lab.close();
    }

    /** command → exit code → what it says in the README, from the README's command table. */
    static Map<String, Map<Integer, String>> documented() throws IOException {
        Map<String, Map<Integer, String>> codes = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            Matcher command = COMMAND.matcher(row.group(1));
            while (command.find()) {
                Map<Integer, String> meanings = codes.computeIfAbsent(commandOf(command.group(1).strip()), k -> new TreeMap<>());
                for (String part : row.group(2).split(",")) {
                    Matcher code = Pattern.compile("^\\s*(\\d+)\\b(.*)").matcher(part);
                    if (code.matches()) {
                        meanings.put(Integer.parseInt(code.group(1)), code.group(2).strip());
                    }
                }
            }
        }
        return codes;
    }

    /**
     * The command a README row names: the longest command tested here that its words start with
     * ("lab fault vantage NAME" is "lab fault"); a row no test covers keeps its words, and fails.
     */
    private static String commandOf(String words) {
        String best = words;
        int length = 0;
        for (Case c : CASES) {
            if ((words + " ").startsWith(c.command() + " ") && c.command().length() > length) {
                best = c.command();
                length = c.command().length();
            }
        }
        return best;
    }

    private record Case(String command, int code, String[] args) {
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void expect(String command, int code, String... args) {
        CASES.add(new Case(command, code, args));
    }

    private static String file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void cases() throws IOException {
        String bad = file("bad.conf", "houston.health.quorum = 9\n");
        String daemon = DaemonProcess.config(Files.createDirectories(dir.resolve("daemon")), freePort(), freePort(), "")
                .toString();
        String dns = file("dns.conf", "houston.dns { provider = file, file = \"" + dir.resolve("zone.json") + "\" }\n");
        String broken = file("broken.conf", "houston.dns { provider = file, file = \"" + dir + "\" }\n");
        String lossy = file("lossy.conf", "houston.topology.locations.us-east-1.peak-demand-rps = 5000000\n");
        String token = file("token", "exit-codes-it-shared-secret-0123\n");
        String drill = file("drill.conf", "drill { length = 10m, faults = [{ kind = outage, target = eu-west-1, at = 1m }] }\n");
        String badDrill = file("bad-drill.conf", "drill { length = -5m }\n");
        String missed = file("missed.conf", "drill { length = 10m, faults = [{ kind = outage, target = eu-west-1, "
                + "at = 1m }], objectives { max-time-to-detect = 1s } }\n");
        String labPort = String.valueOf(lab.daemon().port());
        expect("lab", 0, "lab", "--port", "0", "--run-for", "PT1S");
        expect("lab", 1, "lab", "--config", bad);
        expect("lab", 2, "lab", "--port", "70000");
        expect("lab", 2, "lab", "--replicas", "0");
        expect("lab fault", 0, "lab", "fault", "us-east-1", "latency", "10", "--port", labPort);
        expect("lab fault", 2, "lab", "fault", "us-east-1", "explode", "--port", labPort);
        expect("lab fault", 3, "lab", "fault", "us-east-1", "outage", "--port", String.valueOf(freePort()));
        expect("run", 0, "run", "--config", daemon, "--run-for", "PT1S");
        expect("run", 1, "run", "--config", bad);
        expect("status", 0, "status", "--url", "http://127.0.0.1:" + labPort);
        expect("status", 1, "status", "--config", bad);
        expect("status", 2, "status", "--url", "http://localhost:99999");
        expect("status", 3, "status", "--url", "http://127.0.0.1:" + freePort());
        expect("validate", 0, "validate");
        expect("validate", 1, "validate", "--config", bad);
        expect("plan", 0, "plan", "--evacuate", "us-east-1");
        expect("plan", 1, "plan", "--evacuate", "us-east-1", "--config", bad);
        expect("plan", 2, "plan", "--evacuate", "mars-1");
        expect("capacity", 0, "capacity");
        expect("capacity", 1, "capacity", "--config", bad);
        expect("capacity", 2, "capacity", "--survive", "6");
        expect("capacity", 4, "capacity", "--config", lossy);
        // Before init: the zone has none of Houston's records.
        expect("dns show", 4, "dns", "show", "--config", dns);
        expect("dns init", 0, "dns", "init", "--config", dns);
        expect("dns init", 1, "dns", "init", "--config", bad);
        expect("dns init", 3, "dns", "init", "--config", broken);
        expect("dns show", 0, "dns", "show", "--config", dns);
        expect("dns show", 1, "dns", "show", "--config", bad);
        expect("dns show", 3, "dns", "show", "--config", broken);
        expect("dns diff", 0, "dns", "diff", "--evacuate", "us-east-1", "--config", dns);
        expect("dns diff", 1, "dns", "diff", "--evacuate", "us-east-1", "--config", bad);
        expect("dns diff", 2, "dns", "diff", "--evacuate", "mars-1", "--config", dns);
        expect("dns diff", 3, "dns", "diff", "--evacuate", "us-east-1", "--config", broken);
        expect("agent", 0, "agent", "--vantage", "lab-us-east", "--report-to", "http://127.0.0.1:" + freePort(),
                "--token-file", token, "--run-for", "PT1S");
        expect("agent", 1, "agent", "--vantage", "lab-us-east", "--report-to", "http://127.0.0.1:1", "--token-file", token,
                "--config", bad);
        expect("agent", 2, "agent", "--vantage", "nowhere", "--report-to", "http://127.0.0.1:1", "--token-file", token);
        expect("bench engine", 0, "bench", "engine", "--quick", "--locations", "15");
        // One outage cycle (~25 s of fault, decision and fail-back) proves the exit code; --quick runs three.
        expect("bench ttm", 0, "bench", "ttm", "--outages", "1");
        expect("bench sim", 0, "bench", "sim", "--quick");
        // Its canary servers are a child JVM on this JVM's class path, where logback prints its status first.
        // The ramp measures ten steps of targets / 5 up to twice --targets, ~9 s each; one target makes it two
        // steps (1 and 2 targets), the same path to the table and exit 0 in a fifth of the time.
        expect("bench probes", 0, "bench", "probes", "--quick", "--targets", "1", "--seconds", "1", "--servers", "2");
        expect("drill run", 0, "drill", "run", drill);
        expect("drill run", 1, "drill", "run", badDrill);
        expect("drill run", 3, "drill", "run", missed);
        expect("drill table", 0, "drill", "table", drillsIn("met", drill));
        expect("drill table", 1, "drill", "table", drillsIn("unreadable", badDrill));
        expect("drill table", 2, "drill", "table", drill);
        expect("drill table", 3, "drill", "table", drillsIn("missing", missed));
    }

    /** A directory of its own holding a copy of {@code drill}: drill table reads directories. */
    private static String drillsIn(String name, String drill) throws IOException {
        Path d = Files.createDirectories(dir.resolve("drills-" + name));
        Files.copy(Path.of(drill), d.resolve(Path.of(drill).getFileName()));
        return d.toString();
    }

    @Test
    void everyDocumentedExitCodeIsWhatTheCommandReturns() throws Exception {
        if (CASES.isEmpty()) {
            cases();
        }
        Map<String, Map<Integer, String>> readme = documented();
        Map<String, TreeSet<Integer>> tested = new TreeMap<>();
        Map<String, Integer> actual = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, CliRun> runs = new LinkedHashMap<>();
        for (Case c : CASES) {
            tested.computeIfAbsent(c.command(), k -> new TreeSet<>()).add(c.code());
            expected.put(what(c), c.code());
            runs.put(what(c), CliRun.of(c.args()));
        }
        runs.forEach((what, run) -> actual.put(what, run.code()));
        Map<String, TreeSet<Integer>> documentedCodes = new TreeMap<>();
        readme.forEach((command, codes) -> documentedCodes.put(command, new TreeSet<>(codes.keySet())));
        // The soak runs houston run for minutes: SoakIT runs it (its verdict is the exit code: 0 valid, 3 INVALID).
        documentedCodes.remove("bench soak");
        // Its own three-replica lab and a kill take ~25 s: FailoverBenchIT runs it (exit 0, two kills). INVALID (3)
        // needs a kill that no replica takes over within 30 s.
        documentedCodes.remove("bench failover");

        assertEquals(documentedCodes, tested, "the README's exit codes and the ones tested here differ");
        StringBuilder said = new StringBuilder();
        runs.forEach((what, run) -> {
            if (!actual.get(what).equals(expected.get(what))) {
                said.append("\n").append(what).append(" -> ").append(run.code()).append(":\n").append(run.said());
            }
        });
        assertEquals(expected, actual, said.toString());
    }

    @Test
    void everyCommandAnswersAUsageErrorWithTwo() throws Exception {
        if (CASES.isEmpty()) {
            cases();
        }
        Map<String, Integer> codes = new TreeMap<>();
        for (String command : documented().keySet()) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--no-such-option");
            codes.put(command, run(args.toArray(String[]::new)));
        }

        Map<String, Integer> two = new TreeMap<>();
        codes.keySet().forEach(c -> two.put(c, 2));
        assertEquals(two, codes);
    }

    /** The case's place and words: the same words may run twice (dns show before and after dns init). */
    private static String what(Case c) {
        return CASES.indexOf(c) + 1 + ". " + String.join(" ", c.args());
    }

    private static int run(String... args) {
        return CliRun.of(args).code();
    }
}
