package houston.app.cli;

import houston.probes.Eventually;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code houston run --config FILE} as its own JVM (this test's classpath, the launcher's heap cap),
 * so it can be stopped the ways a real daemon is: SIGTERM from a supervisor, SIGKILL from the kernel.
 * Its output goes to a file, read to find the port it listens on.
 */
final class HoustonProcess {

    private static final Pattern LISTENING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    private HoustonProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the daemon and returns once it printed where it listens. */
    static HoustonProcess start(Path conf, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-Xmx192m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), HoustonCli.class.getName(), "run", "--config", conf.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HoustonProcess d = new HoustonProcess(p, log);
        try {
            Eventually.await(Duration.ofSeconds(90), () -> d.port() > 0 || !p.isAlive());
        } catch (AssertionError e) {
            p.destroyForcibly();
            throw new AssertionError("houston run printed no address within 90 s:\n" + d.output(), e);
        }
        if (d.port() == 0) {
            throw new AssertionError("houston run did not start:\n" + d.output());
        }
        return d;
    }

    int port() {
        Matcher m = LISTENING.matcher(output());
        if (port == 0 && m.find()) {
            port = Integer.parseInt(m.group(1));
        }
        return port;
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM, as a supervisor stops it; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL: no shutdown hook, no flush; returns the exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return awaitExit();
    }

    private int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("houston run did not stop within 60 s:\n" + output());
        }
        return process.exitValue();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    JsonObject get(String path) throws Exception {
        return new JsonObject(send(request(path)).body());
    }
}
