package houston.app.cli;

import houston.testkit.Eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command of the unpacked release run as an operator runs it: a separate process, with this
 * test's JDK as {@code JAVA_HOME}, its output (stdout and stderr) captured to a file.
 */
final class ReleaseProcess {

    private final Process process;
    private final Path log;

    private ReleaseProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ReleaseProcess start(Path workDir, List<String> command) throws IOException {
        // Outside workDir: the command may need an empty directory (tar into the install directory).
        Path log = Files.createTempFile("houston-release", ".log");
        log.toFile().deleteOnExit();
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("HOUSTON_LIB");
        builder.environment().remove("HOUSTON_JAVA_OPTS");
        return new ReleaseProcess(builder.start(), log);
    }

    /** Runs {@code command} to its end; fails the test if it takes longer than {@code seconds}. */
    static ReleaseProcess run(Path workDir, List<String> command, int seconds) throws Exception {
        ReleaseProcess p = start(workDir, command);
        p.await(seconds);
        return p;
    }

    int await(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + seconds + " s:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGTERM, as systemd and Kubernetes stop a service. */
    void terminate() {
        process.destroy();
    }

    int exitCode() {
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until the output matches {@code pattern}; returns its first group as a number. */
    int awaitOutput(Pattern pattern, int seconds) throws InterruptedException {
        Matcher found = Eventually.within(Duration.ofSeconds(seconds)).whileTrue(process::isAlive).showing(this::output)
                .until(pattern + " in the output", () -> pattern.matcher(output()), Matcher::find);
        return Integer.parseInt(found.group(1));
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
