package houston.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of this JVM, and of another process from /proc (Linux), in seconds. */
final class ProcessCpu {

    /** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    static double self() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** utime + stime of {@code pid}. */
    static double of(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // The command name may hold spaces: fields are counted after its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
