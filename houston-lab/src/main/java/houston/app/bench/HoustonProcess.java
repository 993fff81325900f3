package houston.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code houston run} as a real child process, launched as {@code ./houston} launches it (heap capped,
 * exit on OOM, soft descriptor limit raised to the hard one), optionally under a given hard limit: for what only a real process shows —
 * memory, descriptors, signals. Its output goes to a file (a pipe nobody reads would block it).
 */
public final class HoustonProcess implements AutoCloseable {

    /** As the launcher sets it: glibc's per-thread malloc arenas otherwise add tens of MB of RSS. */
    public static final String LAUNCHER_MALLOC_ARENAS = "2";
    /** The launcher's heap cap and OOM behaviour (see the {@code houston} script). */
    public static final List<String> LAUNCHER_OPTIONS = List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxDirectMemorySize=64m",
            "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");
    /** As the launcher raises it: the soft descriptor limit up to the hard one. */
    private static final String LAUNCHER_FD_LIMIT = "ulimit -n \"$(ulimit -Hn)\"";
    private static final Pattern LISTENING = Pattern.compile("http://[^:/\\s]+:(\\d+)/");

    private final Process process;
    private final Path log;
    private int port;

    private HoustonProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code houston run --config conf} on this JVM's class path and waits until it prints where
     * it listens. {@code fdLimit > 0} is the machine's hard descriptor limit, under a login shell's soft
     * limit of 1024 (at most {@code fdLimit}); as the launcher does, the soft limit is then raised to the hard.
     */
    public static HoustonProcess run(Path conf, Path log, int fdLimit, Duration startTimeout)
            throws IOException, InterruptedException {
        return start(List.of("run", "--config", conf.toString()), log, fdLimit, startTimeout);
    }

    /** Starts {@code houston ARGS...} as {@link #run} does, and waits until it prints an address it listens on. */
    public static HoustonProcess start(List<String> args, Path log, int fdLimit, Duration startTimeout)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(LAUNCHER_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "houston.app.cli.HoustonCli"));
        command.addAll(args);
        String machine = fdLimit > 0 ? "ulimit -Sn " + Math.min(1024, fdLimit) + " && ulimit -Hn " + fdLimit + " && " : "";
        // exec keeps the pid: signals sent to this process reach the JVM itself.
        List<String> shell = new ArrayList<>(List.of("bash", "-c", machine + LAUNCHER_FD_LIMIT + " && exec \"$@\"", "houston"));
        shell.addAll(command);
        command = shell;
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", LAUNCHER_MALLOC_ARENAS);
        Process p = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HoustonProcess h = new HoustonProcess(p, log);
        h.awaitPort(startTimeout);
        return h;
    }

    private void awaitPort(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(output());
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("houston run exited with " + process.exitValue() + " before listening:\n" + output());
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IOException("houston run did not listen within " + timeout.toSeconds() + " s:\n" + output());
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Everything the process printed so far. */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Resident memory now, and its peak so far (kB, from /proc; 0 once the process is gone). */
    public long rssKb() {
        return procStatus("VmRSS:");
    }

    public long peakRssKb() {
        return procStatus("VmHWM:");
    }

    /** Descriptors the process holds open now. */
    public int openDescriptors() {
        String[] fds = Path.of("/proc", String.valueOf(pid()), "fd").toFile().list();
        return fds == null ? 0 : fds.length;
    }

    private long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    /** Sends SIGTERM and waits for the exit code. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return waitFor(timeout);
    }

    /** SIGKILL: no shutdown hook runs, as when the machine or the OOM killer stops it. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return waitFor(Duration.ofSeconds(10));
    }

    /** The exit code once the process ended by itself within {@code timeout}; -1 if it still runs. */
    public int waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
