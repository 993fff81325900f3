package houston.app.cli;

import houston.testkit.Eventually;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release archive as an operator installs it: unpacked into an empty directory, its
 * {@code bin/houston} run as a process with no Maven and no sources around.
 */
class ReleaseArchiveIT {

    private static final Pattern LISTENING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    private Path home;
    private Vertx vertx;

    @BeforeEach
    void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("houston.release.archive", "target/missing.tar.gz"));
        assertTrue(Files.isRegularFile(archive), "no release archive at " + archive + ": run ./mvnw package first");
        Path install = Files.createDirectory(dir.resolve("opt"));
        ReleaseProcess tar = ReleaseProcess.run(install, List.of("tar", "-xzf", archive.toString()), 60);
        assertEquals(0, tar.exitCode(), tar.output());
        try (Stream<Path> top = Files.list(install)) {
            home = top.findFirst().orElseThrow();
        }
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void theArchiveHoldsTheLauncherTheJarAndTheConfigurationButNoSources() throws Exception {
        try (Stream<Path> files = Files.walk(home)) {
            List<String> paths = files.map(p -> home.relativize(p).toString()).toList();

            assertTrue(home.getFileName().toString().matches("houston-\\d+\\.\\d+\\.\\d+.*"), home.toString());
            assertTrue(Files.isExecutable(home.resolve("bin/houston")));
            assertTrue(paths.containsAll(List.of("lib/houston.jar", "config/houston.conf", "config/topology.conf",
                    "config/examples/production.conf", "deploy/systemd/houston.service", "deploy/Dockerfile",
                    "deploy/kubernetes/daemon.yaml", "LICENSE", "README.md")), paths.toString());
            assertFalse(paths.stream().anyMatch(p -> p.endsWith(".java") || p.endsWith("pom.xml") || p.contains("mvnw")),
                    paths.toString());
        }
    }

    @Test
    void theJarHoldsTheDaemonAndTheOperatorsCommandsButNoLabNoBenchmarksNoTestServers() throws Exception {
        List<String> entries;
        try (JarFile jar = new JarFile(home.resolve("lib/houston.jar").toFile())) {
            entries = jar.stream().map(JarEntry::getName).toList();
        }
        ReleaseProcess help = houston(List.of("--help"), 60);

        assertTrue(entries.containsAll(List.of("houston/app/daemon/ControlLoop.class", "houston/app/cli/HoustonCli.class",
                "houston/app/daemon/DrillText.class", "houston/sim/Drill.class")), "the daemon, the CLI and drill");
        for (String absent : List.of("org/openjdk/jmh/", "org/apache/curator/test/", "houston/app/lab/", "houston/app/bench/",
                "META-INF/services/houston.app.cli.MoreCommands")) {
            assertFalse(entries.stream().anyMatch(e -> e.startsWith(absent)), absent + " is in the release's jar");
        }
        assertEquals(0, help.exitCode(), help.output());
        assertTrue(Pattern.compile("^\\s+drill\\s", Pattern.MULTILINE).matcher(help.output()).find(), help.output());
        assertFalse(Pattern.compile("^\\s+(lab|bench)\\s", Pattern.MULTILINE).matcher(help.output()).find(), help.output());
    }

    @Test
    void theDockerfileCopiesWhatTheArchiveHoldsAndRunsTheLauncherAsItsOwnUser() throws Exception {
        List<String> lines = Files.readAllLines(home.resolve("deploy/Dockerfile")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        String version = home.getFileName().toString().substring("houston-".length());

        List<String> copies = lines.stream().filter(l -> l.startsWith("COPY ")).toList();
        assertFalse(copies.isEmpty());
        for (String copy : copies) {
            String[] parts = copy.split("\\s+");
            Path source = dir.resolve("opt").resolve(parts[1].replace("${VERSION}", version));
            assertTrue(Files.exists(source), copy + ": " + source + " is not in the archive");
            String target = parts[2].replace("/opt/houston/", "");
            assertEquals(home.relativize(source).toString() + "/", target, copy);
        }
        assertTrue(lines.contains("ENTRYPOINT [\"/opt/houston/bin/houston\"]"), lines.toString());
        assertTrue(Files.isExecutable(home.resolve("bin/houston")));
        assertTrue(lines.contains("STOPSIGNAL SIGTERM"), lines.toString());
        assertTrue(lines.contains("USER houston"), lines.toString());
        assertTrue(lines.indexOf("USER houston") < lines.indexOf("ENTRYPOINT [\"/opt/houston/bin/houston\"]"));
    }

    @Test
    void validateAndPlanRunFromTheUnpackedArchive() throws Exception {
        ReleaseProcess validate = houston(List.of("validate", "--config", home.resolve("config/houston.conf").toString()), 60);
        ReleaseProcess plan = houston(List.of("plan", "--evacuate", "us-east-1"), 60);

        assertEquals(0, validate.exitCode(), validate.output());
        assertTrue(validate.output().contains("configuration OK"), validate.output());
        assertTrue(validate.output().contains("locations   15:"), validate.output());
        assertEquals(0, plan.exitCode(), plan.output());
        assertTrue(plan.output().contains("Evacuate us-east-1: move 120000 rps"), plan.output());
        assertTrue(plan.output().contains("Plan generation 1 would be published."), plan.output());
    }

    @Test
    void anUnknownLocationExitsTwo() throws Exception {
        ReleaseProcess plan = houston(List.of("plan", "--evacuate", "mars-1"), 60);

        assertEquals(2, plan.exitCode(), plan.output());
    }

    @Test
    void runTicksAgainstTheFileDnsProviderAndStopsCleanlyOnSigterm() throws Exception {
        HttpServer site = vertx.createHttpServer().requestHandler(r -> r.response().end("<p>houston-canary</p>"))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        Path conf = DaemonProcess.config(dir, site.actualPort(), site.actualPort(), "");
        ReleaseProcess daemon = ReleaseProcess.start(dir, launcher(List.of("run", "--config", conf.toString())));

        int port = daemon.awaitOutput(LISTENING, 60);
        try {
            awaitReady(port, daemon);
        } finally {
            daemon.terminate();
        }
        int exit = daemon.await(60);

        assertEquals(0, exit, "a clean stop after SIGTERM exits 0 (the unit's SuccessExitStatus=143 covers older releases)\n"
                + daemon.output());
        assertTrue(daemon.output().contains("DNS file"), daemon.output());
        assertTrue(daemon.output().contains("houston stopped: journal closed."), daemon.output());
        assertTrue(Files.size(dir.resolve("journal").resolve("journal.jsonl")) > 0);
    }

    /** GET /readyz until the daemon has ticked (200); fails at once if it stops. */
    private static void awaitReady(int port, ReleaseProcess daemon) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build();
        Eventually.within(Duration.ofSeconds(30)).whileTrue(daemon::alive).showing(daemon::output)
                .until("/readyz 200 (the daemon ticked)",
                        () -> http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode(), s -> s == 200);
    }

    private ReleaseProcess houston(List<String> args, int seconds) throws Exception {
        return ReleaseProcess.run(dir, launcher(args), seconds);
    }

    private List<String> launcher(List<String> args) {
        return Stream.concat(Stream.of(home.resolve("bin/houston").toString()), args.stream()).toList();
    }
}
