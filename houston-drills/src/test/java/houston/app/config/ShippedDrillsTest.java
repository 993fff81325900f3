package houston.app.config;

import houston.sim.Drill;
import houston.sim.DrillResult;
import houston.sim.KpiTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every drill shipped in config/drills meets its objectives: CI runs the drills. */
// Each drill is an independent simulation (pure, seeded, CPU-bound): they run side by side.
@Execution(ExecutionMode.CONCURRENT)
class ShippedDrillsTest {

    private static final Path DRILLS = Path.of("..", "config", "drills");

    @TestFactory
    Stream<DynamicTest> everyShippedDrillMeetsItsObjectives() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(DRILLS)) {
            files = list.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(files.size() >= 6, "drills shipped: " + files);
        DrillRuns.ahead(files);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            DrillResult result = DrillRuns.of(file);

            assertFalse(result.verdicts().isEmpty(), file + " states no objectives");
            assertTrue(result.objectivesMet(), KpiTable.render(result));
        }));
    }
}
