package houston.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./houston}: the entry point. Each subcommand is one job; {@code --help} works on all. */
@Command(name = "houston", mixinStandardHelpOptions = true, version = "houston 0.1.0",
        description = "Reactive multi-region traffic control: scores every location's health, evacuates a bad "
                + "one to its nearest healthy neighbours with capacity, and brings it back in steps.",
        subcommands = {LabCommand.class, RunCommand.class, ValidateCommand.class, PlanCommand.class, CapacityCommand.class, DnsCommand.class, AgentCommand.class, BenchCommand.class, DrillCommand.class,
                CommandLine.HelpCommand.class})
public final class HoustonCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new HoustonCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
