package houston.app.cli;

import houston.app.config.ConfigException;
import houston.app.config.DrillReader;
import houston.sim.Drill;
import houston.sim.DrillResult;
import houston.sim.HtmlReport;
import houston.sim.KpiTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code houston drill run FILE}: a failover drill in simulated time, Houston beside the alternatives;
 * {@code houston drill table DIR...}: every drill of those directories, one markdown row each.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Run a failover drill (config/drills/*.conf) in simulated time: Houston's engine, no action "
                + "and Route 53 health-check failover (standard and fast checks) over the same world. Prints the KPIs and the objectives; "
                + "exit code 3 when an objective is missed. 'table DIR...' runs every drill in the directories and "
                + "prints the drill table of docs/drills.md (markdown).")
final class DrillCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "run|table", description = "run: one drill; table: every drill of DIR...")
    String action;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE|DIR",
            description = "run: the drill file, e.g. config/drills/us-east-1-outage-at-peak.conf; "
                    + "table: directories of drill files, e.g. config/drills config/drills/unrehearsed")
    List<Path> paths;

    @Option(names = "--report", paramLabel = "OUT.html", description = "Also write an HTML report with charts.")
    Path report;

    @Option(names = "--seed", paramLabel = "N", description = "Override the drill's seed (table: every drill's).")
    Long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ("table".equals(action)) {
            if (report != null) {
                // One report per drill would need a name per file: refused rather than silently not written.
                err.println("--report: " + report + " (expected: only with 'drill run FILE'; 'drill table' prints "
                        + "markdown, run one drill for its HTML report)");
                return 2;
            }
            return DrillTableRun.print(paths, seed, out, err);
        }
        if (!"run".equals(action)) {
            err.println("houston drill: unknown action '" + action + "' (expected: run or table)");
            return 2;
        }
        if (paths.size() != 1) {
            err.println("houston drill run: " + paths.size() + " files (expected: one drill file)");
            return 2;
        }
        Path file = paths.get(0);
        if (report != null && !writable(report)) {
            // Said before simulating: a long drill should not end in an error about where its report goes.
            err.println("--report: " + report + " (expected: a file that can be written, in a directory that exists)");
            return 2;
        }
        DrillReader.Drill drill;
        try {
            drill = DrillReader.read(file);
        } catch (ConfigException e) {
            ConfigOption.report(e, err);
            return 1;
        }
        var scenario = seed == null ? drill.scenario() : drill.scenario().withSeed(seed);
        ProgressBar bar = new ProgressBar(err, scenario.length().toHours() >= 6);
        long t0 = System.nanoTime();
        DrillResult result = Drill.run(scenario, drill.setup(), bar::update);
        bar.done();
        out.print(KpiTable.render(result));
        out.printf(Locale.ROOT, "%nsimulated %s (%d policies) in %.1f s%n", scenario.length(), Drill.POLICIES.size(),
                (System.nanoTime() - t0) / 1e9);
        if (report != null) {
            Files.writeString(report, HtmlReport.render(result));
            out.println("report: " + report.toAbsolutePath());
        }
        out.flush();
        return result.objectivesMet() ? 0 : 3;
    }

    private static boolean writable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return !Files.isDirectory(file) && dir != null && Files.isDirectory(dir)
                && (Files.exists(file) ? Files.isWritable(file) : Files.isWritable(dir));
    }
}
