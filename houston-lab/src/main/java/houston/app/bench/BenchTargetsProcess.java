package houston.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link BenchTargets} in a child JVM on this JVM's class path and stops it when closed. */
final class BenchTargetsProcess implements AutoCloseable {

    private final Process process;
    private final List<Integer> ports;

    BenchTargetsProcess(int servers) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BenchTargets.class.getName(), String.valueOf(servers))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // Not only the first line: on another class path (a test's) the child's logging may print its
        // own status before the ports.
        StringBuilder before = new StringBuilder();
        String line = out.readLine();
        while (line != null && !line.startsWith("PORTS ")) {
            before.append(line).append('\n');
            line = out.readLine();
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("benchmark target servers did not start (printed: " + before.toString().strip() + ")");
        }
        ports = Arrays.stream(line.substring(6).split(",")).map(Integer::parseInt).toList();
        // Whatever it prints later is read and dropped, so a full pipe never blocks it.
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(Writer.nullWriter());
            } catch (IOException closed) {
                // The servers stopped.
            }
        }, "bench-targets-output");
        drain.setDaemon(true);
        drain.start();
    }

    List<Integer> ports() {
        return ports;
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
