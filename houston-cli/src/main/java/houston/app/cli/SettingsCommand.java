package houston.app.cli;

import houston.app.config.HoustonSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A command that needs the configuration: {@code --config FILE}, loaded and validated before
 * anything else; on problems every one is printed and the exit code is 1.
 */
abstract class SettingsCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        HoustonSettings settings = config.loadOrReport(err, readsSecretFiles());
        if (settings == null) {
            return 1;
        }
        try {
            return run(settings, spec.commandLine().getOut(), err);
        } catch (Exception e) {
            houston.app.daemon.JournalUnavailable journal = Causes.find(e, houston.app.daemon.JournalUnavailable.class);
            if (journal != null) {
                ConfigOption.report(new houston.app.config.ConfigException(java.util.List.of(new houston.app.config.ConfigProblem(
                        "houston.journal.dir", String.valueOf(journal.dir()), "a directory this user can write: "
                        + journal.reason(), settings.source()))), err);
                return 1;
            }
            if (!PortInUse.is(e)) {
                throw e;
            }
            return portInUse(settings, err);
        }
    }

    /** The daemon's port was taken: say which and what to do; returns the exit code. */
    int portInUse(HoustonSettings settings, PrintWriter err) {
        ConfigOption.report(new houston.app.config.ConfigException(java.util.List.of(new houston.app.config.ConfigProblem(
                "houston.http.port", String.valueOf(settings.daemon().port()),
                "a free port: this one is in use (another houston?)", settings.source()))), err);
        return 1;
    }

    /** Whether the secret files the configuration names must be readable (they are, to run). */
    boolean readsSecretFiles() {
        return true;
    }

    /** The command itself, with valid settings; returns the exit code. */
    abstract int run(HoustonSettings settings, PrintWriter out, PrintWriter err) throws Exception;
}
