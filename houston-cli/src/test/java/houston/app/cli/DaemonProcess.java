package houston.app.cli;

import houston.testkit.Eventually;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code houston run --config FILE --run-for N} in the background, as users run it: its output,
 * the port it printed, and its HTTP API. {@link #await()} waits for the graceful stop.
 */
final class DaemonProcess {

    private static final Pattern LISTENING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    private final StringWriter out = new StringWriter();
    private final CompletableFuture<Integer> exit;
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    private DaemonProcess(Path conf, int seconds) {
        exit = CompletableFuture.supplyAsync(() -> {
            CommandLine cli = HoustonCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(out, true));
            return cli.execute("run", "--config", conf.toString(), "--run-for", "PT" + seconds + "S");
        });
    }

    /** Starts the daemon and returns once it printed where it listens. */
    static DaemonProcess start(Path conf, int seconds) throws InterruptedException {
        DaemonProcess d = new DaemonProcess(conf, seconds);
        Matcher m = Eventually.within(Duration.ofSeconds(15)).whileTrue(() -> !d.exit.isDone()).showing(d.out::toString)
                .until("the daemon to print where it listens", () -> LISTENING.matcher(d.out.toString()), Matcher::find);
        d.port = Integer.parseInt(m.group(1));
        return d;
    }

    /**
     * Writes a daemon config of two loopback locations (lab-a, lab-b; each other's only receiver)
     * probed by one vantage, the file DNS provider and a fast lab scaler, plus {@code extra} lines.
     */
    static Path config(Path dir, int portA, int portB, String extra) throws java.io.IOException {
        return config(dir, extra, portA, portB);
    }

    /** As above with one location per port: lab-a, lab-b, lab-c, ... along the equator in that order. */
    static Path config(Path dir, String extra, int... ports) throws java.io.IOException {
        String location = """
                  %s { name = %s, latitude = 0, longitude = %d, edges = ["127.0.0.1:%d"], peak-demand-rps = 100,
                       capacity { instances = 4, rps-per-instance = 100, min-instances = 1, max-instances = 8,
                                  target-utilisation = 0.6, scale-up-lead-time = 1s } }
                """;
        StringBuilder locations = new StringBuilder();
        for (int i = 0; i < ports.length; i++) {
            char id = (char) ('a' + i);
            locations.append(location.formatted("lab-" + id, id, i + 1, ports[i]));
        }
        Path conf = dir.resolve("run.conf");
        java.nio.file.Files.writeString(conf, "houston.topology.include-default-locations = false\n"
                + "houston.topology.locations {\n" + locations + "}\n"
                + "houston.health { vantages = [here], quorum = 1 }\n"
                + "houston.planner { receivers = 1, max-receivers = 1 }\n"
                + "houston.safety { max-evacuated = 1, min-serving = 1, fail-static-fraction = 1.0 }\n"
                + "houston.probes.sites = [{ host = canary.test, tls = false, port = 80, marker = houston-canary }]\n"
                + "houston.http.port = 0\nhouston.journal.dir = \"" + dir.resolve("journal") + "\"\n"
                + "houston.dns { provider = file, file = \"" + dir.resolve("zone.json") + "\", poll-interval = 50ms }\n"
                + "houston.scaler.lab.lead-time-scale = 0.01\n" + extra);
        return conf;
    }

    int port() {
        return port;
    }

    String output() {
        return out.toString();
    }

    /** Waits for the daemon to stop on its own; returns its exit code. */
    int await() throws Exception {
        return exit.get(60, TimeUnit.SECONDS);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    JsonObject plan() throws Exception {
        return new JsonObject(send(request("/v1/plan")).body());
    }

    /** Polls /v1/plan until the live generation reaches {@code generation}; fails after 10 s. */
    void awaitGeneration(long generation) throws Exception {
        Eventually.within(Duration.ofSeconds(10)).whileTrue(() -> !exit.isDone()).showing(out::toString)
                .until("plan generation " + generation + " live", () -> plan().getLong("liveGeneration"),
                        live -> live >= generation);
    }
}
