package houston.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One CLI command in its own JVM (this test's class path), run from a given directory so that the
 * relative paths a document shows ({@code config/drills/…}, {@code --report drill.html}) resolve as
 * they do for a reader in the repository.
 */
final class ChildCli {

    record Result(int code, String output) {
    }

    private ChildCli() {
    }

    static Result run(Path workDir, List<String> args) throws Exception {
        // The launcher's JIT and GC (src/dist/bin/houston): a short-lived command starts faster with the
        // quick compiler only, and runs as a reader's ./houston runs it.
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                HoustonCli.class.getName()));
        command.addAll(args);
        Path log = Files.createTempFile(workDir, "cli", ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "still running after 180 s:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }
}
