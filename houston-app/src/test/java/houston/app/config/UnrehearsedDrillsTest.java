package houston.app.config;

import houston.sim.Drill;
import houston.sim.DrillResult;
import houston.sim.KpiTable;
import houston.sim.RunResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drills in config/drills/unrehearsed: failures the shipped drills do not cover, with the
 * objectives Houston is judged by. Houston does not meet all of them yet (docs/drills.md's drill
 * table says which); this runs each one, checks that every policy ran and that the KPIs and
 * verdicts are reported, so a drill that no longer reads or runs fails CI.
 */
class UnrehearsedDrillsTest {

    private static final Path DRILLS = Path.of("..", "config", "drills", "unrehearsed");

    @TestFactory
    Stream<DynamicTest> everyUnrehearsedDrillRunsAndIsJudged() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(DRILLS)) {
            files = list.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "unrehearsed drills: " + files);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            DrillReader.Drill drill = DrillReader.read(file);

            DrillResult result = Drill.run(drill.scenario(), drill.setup(), p -> { });

            assertEquals(Drill.POLICIES, result.runs().stream().map(RunResult::policy).toList());
            assertFalse(result.verdicts().isEmpty(), file + " states no objectives");
            String table = KpiTable.render(result);
            assertTrue(table.contains("added latency") && table.contains("DNS bound") && table.contains("objectives"),
                    table);
            for (RunResult r : result.runs()) {
                assertTrue(r.kpis().failedRequests() >= result.dnsBound() - 1, r.policy() + " below the DNS bound:\n"
                        + table);
            }
        }));
    }
}
