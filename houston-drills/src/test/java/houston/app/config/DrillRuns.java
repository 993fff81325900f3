package houston.app.config;

import houston.sim.Drill;
import houston.sim.DrillResult;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Drill files simulated once per test JVM, on their own seed: a drill is pure and seeded, so a second
 * simulation of the same file would only repeat the first, and several tests judge the same run (the
 * objectives of every unrehearsed drill, and one drill's figures in detail). A test asking for a run
 * another test has started waits for it.
 *
 * <p>A drill runs on one thread (the simulator is single-threaded by design: no threads in a pure
 * module), and the build machine has two cores: {@link #ahead} starts a test class's drills on a
 * thread per core (in the build, one thread: the module's POM says why), so each test mostly finds its run done; the longest simulated first, so a quiet
 * week does not start last and run alone. Results do not depend on the order.
 */
final class DrillRuns {

    private static final ConcurrentHashMap<Path, CompletableFuture<DrillResult>> RUNS = new ConcurrentHashMap<>();
    /** Threads simulating drills: a core each, unless houston.drills.threads leaves cores to a neighbour. */
    private static final int CORES = Math.max(1, Integer.getInteger("houston.drills.threads",
            Runtime.getRuntime().availableProcessors()));
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(CORES, CORES, 0, TimeUnit.MILLISECONDS,
            new PriorityBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "drill-run");
                t.setDaemon(true);
                return t;
            });

    /** A run queued by how much time it simulates: the longest is taken first. */
    private record Ranked(long simulatedMs, Runnable task) implements Runnable, Comparable<Ranked> {
        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Ranked other) {
            return Long.compare(other.simulatedMs, simulatedMs);
        }
    }

    private DrillRuns() {
    }

    /** Starts the runs of {@code files} not started yet, a core each, longest first. */
    static void ahead(List<Path> files) {
        for (Path file : files) {
            CompletableFuture<DrillResult> mine = new CompletableFuture<>();
            if (RUNS.putIfAbsent(key(file), mine) == null) {
                long simulated;
                try {
                    simulated = DrillReader.read(file).scenario().length().toMillis();
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e); // the file's own test reports it
                    continue;
                }
                POOL.execute(new Ranked(simulated, () -> run(file, mine)));
            }
        }
    }

    /** {@code run}, which simulates {@code simulatedMs}, started on a core as a drill run is: for runs on other seeds. */
    static <T> CompletableFuture<T> onACore(long simulatedMs, Supplier<T> run) {
        CompletableFuture<T> result = new CompletableFuture<>();
        POOL.execute(new Ranked(simulatedMs, () -> {
            try {
                result.complete(run.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }

    static DrillResult of(Path file) {
        CompletableFuture<DrillResult> mine = new CompletableFuture<>();
        CompletableFuture<DrillResult> first = RUNS.putIfAbsent(key(file), mine);
        if (first != null) {
            return first.join();
        }
        run(file, mine);
        return mine.join();
    }

    private static void run(Path file, CompletableFuture<DrillResult> into) {
        try {
            DrillReader.Drill drill = DrillReader.read(file);
            into.complete(Drill.run(drill.scenario(), drill.setup(), p -> { }));
        } catch (RuntimeException | Error e) {
            into.completeExceptionally(e);
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
