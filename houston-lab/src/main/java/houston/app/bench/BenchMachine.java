package houston.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine a benchmark ran on, printed with every figure: CPU model, cores, JVM, and the load
 * average when it started (a figure from a busy machine is not a figure of Houston alone).
 */
public final class BenchMachine {

    private BenchMachine() {
    }

    /** This machine, read from /proc where there is one. */
    public static String describe() {
        return describe(read("/proc/cpuinfo"), read("/proc/loadavg"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    static String describe(String cpuinfo, String loadavg, int cores, String jvm) {
        String model = cpuinfo.lines().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst().orElse(System.getProperty("os.arch"));
        String load = loadavg.isBlank() ? "" : String.format(Locale.ROOT, ", load average %s at the end",
                loadavg.strip().split("\\s+")[0]);
        String busy = "";
        if (!loadavg.isBlank() && Double.parseDouble(loadavg.strip().split("\\s+")[0]) > cores) {
            busy = " (BUSY: more runnable threads than cores, figures are not Houston's alone)";
        }
        return String.format(Locale.ROOT, "machine: %s, %d cores, %s%s%s", model, cores, jvm, load, busy);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
