package houston.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ServiceLoader;

/** {@code ./houston}: the entry point. Each subcommand is one job; {@code --help} works on all. */
@Command(name = "houston", mixinStandardHelpOptions = true, version = "houston 0.1.0",
        description = "Reactive multi-region traffic control: scores every location's health, evacuates a bad "
                + "one to its nearest healthy neighbours with capacity, and brings it back in steps.",
        subcommands = {RunCommand.class, StatusCommand.class, ValidateCommand.class, PlanCommand.class, CapacityCommand.class, DnsCommand.class, AgentCommand.class, DrillCommand.class})
public final class HoustonCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line, shared by {@link #main} and tests: the release's commands, then those
     * of {@link MoreCommands} on the class path, then help. Added before the settings below, which apply
     * only to the subcommands present when they are made.
     */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new HoustonCli());
        for (MoreCommands more : ServiceLoader.load(MoreCommands.class)) {
            more.commands().forEach(line::addSubcommand);
        }
        return line.addSubcommand(new CommandLine.HelpCommand()).registerConverter(java.time.Duration.class, new DurationConverter())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setErr(new TerminalSafeErr(new java.io.OutputStreamWriter(System.err, java.nio.charset.Charset.defaultCharset())))
                .setExecutionExceptionHandler(HoustonCli::failed).setParameterExceptionHandler(HoustonCli::misused);
    }

    /**
     * A usage error: the problem, picocli's "did you mean", and the usage. Picocli's own handler leaves
     * the usage out whenever it has a suggestion, so a mistyped subcommand left the user without the list.
     */
    private static int misused(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
        command.usage(command.getErr());
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * What escapes a command: a configuration problem is listed like any other (exit 1); anything
     * else is a defect, said in one line (exit 1) with its stack trace only when HOUSTON_DEBUG is set,
     * because a user can act on neither a stack trace nor its absence.
     */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        if (e instanceof houston.app.config.ConfigException config) {
            ConfigOption.report(config, command.getErr());
            return 1;
        }
        command.getErr().println("houston " + command.getCommandName() + ": " + describe(e));
        if (System.getenv("HOUSTON_DEBUG") != null) {
            e.printStackTrace(command.getErr());
        }
        return 1;
    }

    /**
     * One line for what escaped. A file the daemon cannot read or write (a read-only journal
     * directory, a full disk) is the host's to fix, not a defect: it names the file and the
     * system's reason. Anything else is a defect, to be reported.
     */
    static String describe(Exception e) {
        if (e instanceof java.io.UncheckedIOException io) {
            java.io.IOException cause = io.getCause();
            String why = cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
            return e.getMessage() + ": " + why + " (expected: a file the daemon's user can read and write, on a disk "
                    + "with room; fix the path's owner, mode or space and start again)";
        }
        return "unexpected failure: " + e.getMessage() + " (please report it; HOUSTON_DEBUG=1 shows where it happened)";
    }

    @Override
    public void run() {
        // Nothing to do is a usage error (exit 2, usage on stderr), so a script that forgot the
        // subcommand does not pass as a success.
        throw new CommandLine.ParameterException(spec.commandLine(), "missing %s (see the list below)".formatted("a command"));
    }
}
