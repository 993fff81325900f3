package houston.app.cli;

import houston.app.config.ConfigException;
import houston.app.config.ConfigProblem;
import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --config FILE}, shared by every command that reads the configuration. */
final class ConfigOption {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "HOCON file overriding the built-in defaults (config/houston.conf). Default: built-in.")
    Path file;

    /** The settings, or null after printing every problem to {@code err}. */
    HoustonSettings loadOrReport(PrintWriter err, boolean readSecrets) {
        try {
            return HoustonConfigLoader.load(file, readSecrets);
        } catch (ConfigException e) {
            report(e, err);
            return null;
        }
    }

    /** Prints every problem of a configuration (or drill) file, one per line. */
    static void report(ConfigException e, PrintWriter err) {
        err.println("houston: configuration has " + e.problems().size() + " problem"
                + (e.problems().size() == 1 ? "" : "s") + ":");
        for (ConfigProblem p : e.problems()) {
            err.println("  " + p.render());
        }
        err.flush();
    }
}
