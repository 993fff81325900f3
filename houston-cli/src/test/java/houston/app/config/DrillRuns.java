package houston.app.config;

import houston.sim.Drill;
import houston.sim.DrillResult;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drill files simulated once per test JVM, on their own seed: a drill is pure and seeded, so a second
 * simulation of the same file would only repeat the first, and several tests judge the same run (the
 * objectives of every unrehearsed drill, and one drill's figures in detail). A test asking for a run
 * another test has started waits for it.
 */
final class DrillRuns {

    private static final ConcurrentHashMap<Path, CompletableFuture<DrillResult>> RUNS = new ConcurrentHashMap<>();

    private DrillRuns() {
    }

    static DrillResult of(Path file) {
        CompletableFuture<DrillResult> mine = new CompletableFuture<>();
        CompletableFuture<DrillResult> first = RUNS.putIfAbsent(file.toAbsolutePath().normalize(), mine);
        if (first != null) {
            return first.join();
        }
        try {
            DrillReader.Drill drill = DrillReader.read(file);
            DrillResult result = Drill.run(drill.scenario(), drill.setup(), p -> { });
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
