package houston.app.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code houston dns} against the file provider: what lasts between processes. */
class DnsCommandTest {

    @TempDir
    Path dir;

    private Path config;
    private Path zone;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void writeConfig() throws Exception {
        zone = dir.resolve("zone.json");
        config = dir.resolve("dns.conf");
        Files.writeString(config, "houston.dns { provider = file, file = \"" + zone + "\", writer-id = houston-test }\n");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = HoustonCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] withConfig = new String[args.length + 2];
        System.arraycopy(args, 0, withConfig, 0, args.length);
        withConfig[args.length] = "--config";
        withConfig[args.length + 1] = config.toString();
        return cli.execute(withConfig);
    }

    @Test
    void initCreatesEveryPoolRecordAndTheOwnershipRecordOnce() {
        int first = run("dns", "init");
        String firstOut = out.toString();
        int second = run("dns", "init");

        assertEquals(0, first);
        assertTrue(firstOut.contains("created 226 record sets"), firstOut);
        assertEquals(0, second);
        assertTrue(out.toString().contains("created 0 record sets"), out.toString());
    }

    @Test
    void showPrintsTheLiveWeightsAsATable() {
        run("dns", "init");

        int code = run("dns", "show");

        assertEquals(0, code);
        assertTrue(out.toString().contains("live plan generation 0"), out.toString());
        assertTrue(out.toString().contains(" use1 "), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("us-east-1") && l.contains("255")), out.toString());
    }

    @Test
    void showBeforeInitSaysTheRecordsAreMissingAndHowToCreateThem() {
        int code = run("dns", "show");

        assertEquals(4, code);
        assertTrue(err.toString().contains("226 of Houston's records are missing in houston.example.net"), err.toString());
        assertTrue(err.toString().contains("Create them with: houston dns init --config " + config), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void diffPrintsTheBatchAndSendsNothing() throws Exception {
        run("dns", "init");
        String before = Files.readString(zone);

        int code = run("dns", "diff", "--evacuate", "us-east-1");

        assertEquals(0, code);
        assertTrue(out.toString().contains("UPSERT us-east-1.pool.houston.example.net. A [us-east-1 weight=0]"), out.toString());
        assertTrue(out.toString().contains("CREATE _houston.houston.example.net. TXT"), out.toString());
        assertEquals(before, Files.readString(zone));
    }

    @Test
    void diffForAnUnknownLocationExitsTwo() {
        run("dns", "init");

        int code = run("dns", "diff", "--evacuate", "mars-1");

        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown location 'mars-1'"), err.toString());
    }

    @Test
    void route53WithoutAHostedZoneIsAConfigError() throws Exception {
        Files.writeString(config, "houston.dns.provider = route53\n");

        int code = run("dns", "show");

        assertEquals(1, code);
        assertTrue(err.toString().contains("houston.dns.route53.hosted-zone-id"), err.toString());
    }

    @Test
    void initWithTheHealthEndpointFallbackNeedsTheNameTheChecksReachHoustonAt() throws Exception {
        Files.writeString(config, """
                houston.dns { provider = route53, route53.hosted-zone-id = Z0123456789ABC, fallback = health-endpoint }
                """);

        int code = run("dns", "init");

        assertEquals(1, code);
        assertEquals("houston dns init: houston.dns.health-check.name: \"\" (expected: the name Route 53's checkers "
                + "reach Houston at over HTTPS, such as houston.example.net, when houston.dns.fallback = "
                + "health-endpoint) in " + config, err.toString().strip());
    }
}
