package houston.app.cli;

import houston.testkit.Eventually;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code houston run --config FILE} as a separate JVM process (the test's own classpath), so a test
 * can SIGKILL it like a dying region: its output in a file, the port it printed, its status.
 */
final class ReplicaProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private int port;

    private ReplicaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the replica and returns once it printed where it listens (120 s at most: a loaded CI machine has taken over 60). */
    static ReplicaProcess start(Path conf) throws Exception {
        // Kept under target/ after the test, for reading when an IT fails.
        Path log = Files.createDirectories(Path.of("target", "replicas"))
                .resolve(conf.getParent().getFileName() + "-" + System.nanoTime() + ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=logback.xml", // the shipped one (a class path resource), not the tests'
                HoustonCli.class.getName(), "run", "--config", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The Route 53 stand-in takes any signature; the SDK wants some credentials to sign with.
        pb.environment().put("AWS_ACCESS_KEY_ID", "AKIDHOUSTONTEST");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "not-a-secret");
        pb.environment().put("HOUSTON_LOG_LEVEL", "INFO");
        ReplicaProcess r = new ReplicaProcess(pb.start(), log);
        try {
            Matcher m = Eventually.within(Duration.ofSeconds(120)).whileTrue(r.process::isAlive).showing(r::output)
                    .until("the replica to print where it listens", () -> LISTENING.matcher(r.output()), Matcher::find);
            r.port = Integer.parseInt(m.group(1));
        } catch (AssertionError notStarted) {
            r.close();
            throw notStarted;
        }
        return r;
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    int port() {
        return port;
    }

    /** /v1/status, or null while the replica cannot answer. */
    JsonObject status() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/status"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? new JsonObject(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    boolean acting() {
        JsonObject s = status();
        return s != null && s.getJsonObject("ha").getBoolean("acting");
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    /** SIGKILL: no shutdown hook, no goodbye to ZooKeeper; its session lives on until it times out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as a rolling upgrade stops a replica: it leaves the election and exits; its exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    static long acting(List<ReplicaProcess> replicas) {
        return replicas.stream().filter(ReplicaProcess::acting).count();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
