package houston.app.cli;

import houston.app.config.ConfigException;
import houston.app.config.DrillReader;
import houston.sim.Drill;
import houston.sim.DrillResult;
import houston.sim.DrillTable;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code houston drill table DIR...}: runs every drill file of the directories (each on its own
 * seed, or all on {@code --seed}) and prints docs/drills.md's drill table. Rows of the second and later directories carry
 * their directory's name (config/drills/unrehearsed: "unrehearsed"), so one table shows the shipped
 * drills and the others apart. Every file is read before any drill runs: a typo in the last one
 * is reported at once, not after minutes of simulation, and every bad file is reported, not just
 * the first.
 */
final class DrillTableRun {

    private DrillTableRun() {
    }

    /**
     * Exit code: 0, 1 a drill file is wrong, 2 a directory is not one or holds no drill file, 3 some
     * drill missed an objective. {@code seed}: every drill's seed, or null for each file's own.
     */
    static int print(List<Path> dirs, Long seed, PrintWriter out, PrintWriter err) throws IOException {
        List<DrillReader.Drill> drills = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        boolean badFile = false;
        for (int i = 0; i < dirs.size(); i++) {
            Path dir = dirs.get(i);
            if (!Files.isDirectory(dir)) {
                err.println("houston drill table: " + dir + " (expected: a directory of drill files, e.g. config/drills)");
                return 2;
            }
            String group = i == 0 ? null : dir.getFileName().toString();
            List<Path> files = drillFiles(dir);
            if (files.isEmpty()) {
                // A mistyped directory that exists would otherwise print an empty table and pass.
                err.println("houston drill table: " + dir + " has no drill files (expected: *.conf drill files, "
                        + "e.g. config/drills)");
                return 2;
            }
            for (Path file : files) {
                try {
                    drills.add(DrillReader.read(file));
                } catch (ConfigException e) {
                    ConfigOption.report(e, err);
                    badFile = true;
                }
                groups.add(group);
            }
        }
        if (badFile) {
            return 1;
        }
        out.print(DrillTable.HEADER);
        boolean allMet = true;
        for (int i = 0; i < drills.size(); i++) {
            DrillReader.Drill drill = drills.get(i);
            var scenario = seed == null ? drill.scenario() : drill.scenario().withSeed(seed);
            err.printf("drill %d/%d: %s (seed %d)%n", i + 1, drills.size(), scenario.name(), scenario.seed());
            err.flush();
            DrillResult result = Drill.run(scenario, drill.setup(), p -> { });
            out.print(DrillTable.row(result, groups.get(i)));
            out.flush();
            allMet &= result.objectivesMet();
        }
        return allMet ? 0 : 3;
    }

    private static List<Path> drillFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".conf") && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
