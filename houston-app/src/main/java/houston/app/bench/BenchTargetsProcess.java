package houston.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
        String line = out.readLine();
        if (line == null || !line.startsWith("PORTS ")) {
            process.destroyForcibly();
            throw new IOException("benchmark target servers did not start (got: " + line + ")");
        }
        ports = Arrays.stream(line.substring(6).split(",")).map(Integer::parseInt).toList();
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
