package houston.app.config;

import houston.sim.Drill;
import houston.sim.DrillResult;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Drill files simulated once per test JVM, on their own seed: a drill is pure and seeded, so a second
 * simulation of the same file would only repeat the first, and several tests judge the same run (the
 * objectives of every unrehearsed drill, and one drill's figures in detail). A test asking for a run
 * another test has started waits for it.
 *
 * <p>A drill runs on one thread (the simulator is single-threaded by design: no threads in a pure
 * module), and the build machine has two cores: {@link #ahead} starts a test class's drills on a
 * thread per core, so each test mostly finds its run done. Results do not depend on the order.
 */
final class DrillRuns {

    private static final ConcurrentHashMap<Path, CompletableFuture<DrillResult>> RUNS = new ConcurrentHashMap<>();
    private static final ExecutorService CORES = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "drill-run");
                t.setDaemon(true);
                return t;
            });

    private DrillRuns() {
    }

    /** Starts the runs of {@code files} not started yet, a core each. */
    static void ahead(List<Path> files) {
        for (Path file : files) {
            CompletableFuture<DrillResult> mine = new CompletableFuture<>();
            if (RUNS.putIfAbsent(key(file), mine) == null) {
                CORES.execute(() -> run(file, mine));
            }
        }
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
