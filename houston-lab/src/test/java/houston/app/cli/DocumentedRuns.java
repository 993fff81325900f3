package houston.app.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The documented commands that cannot run exactly as shown inside the build, and what runs instead:
 * a shorter or port-free variant of the same command, or the test or CI step that runs it.
 */
final class DocumentedRuns {

    /** {@code args} null: not run here, {@code why} names who runs it. */
    record Run(List<String> args, String mustPrint, String why) {
    }

    private DocumentedRuns() {
    }

    static Run of(String command, int labPort) {
        if (command.startsWith("./mvnw")) {
            return new Run(null, "", ".ci/run runs ./mvnw verify; ReleaseArchiveIT checks what ./mvnw package builds");
        }
        if (command.startsWith("bin/houston") || command.startsWith("/opt/houston/bin/houston")) {
            return new Run(null, "", "ReleaseArchiveIT runs the release's bin/houston (validate, plan, run)");
        }
        if (command.startsWith("./houston lab fault controller ")) {
            return new Run(null, "", "needs a lab with replicas: LabReplicasIT kills, partitions and clears a replica");
        }
        List<String> args = new ArrayList<>(Arrays.asList(command.split("\\s+")));
        args.remove(0);
        if (command.matches("\\./houston lab fault [a-z0-9-]+ [a-z]+( \\d+)?|\\./houston lab fault vantage [a-z0-9-]+ [a-z]+")) {
            args.addAll(List.of("--port", String.valueOf(labPort)));
            return new Run(args, "", "against a lab started by this test, on its own port");
        }
        return switch (command) {
            case "./houston" -> new Run(List.of("--help"), "lab", "the launcher alone: its help lists the commands");
            case "./houston lab" -> new Run(null, "", "runs until Ctrl-C on port 8080: ExitCodesIT runs it on a free port for 1 s");
            case "./houston lab --config lab-fallback.conf" -> new Run(null, "", "runs until Ctrl-C with the health-endpoint "
                    + "fallback: LabDnsFallbackIT runs that walk-through");
            case "./houston lab --replicas 3" -> new Run(null, "", "runs until Ctrl-C on ports 8080-8083: LabReplicasIT runs three replicas");
            case "./houston bench failover", "./houston bench failover --kills 20" ->
                    new Run(null, "", "minutes of leader kills: FailoverBenchIT runs it with --kills 2");
            case "./houston status" -> new Run(List.of("status", "--url", "http://127.0.0.1:" + labPort), "location",
                    "reads a daemon on port 8080: here the lab started by this test");
            case "./houston run", "./houston agent", "./houston dns show" -> new Run(help(args), "--config", "named as a command: its help answers");
            case "./houston run --config /etc/houston/houston.conf",
                    "./houston validate --config /etc/houston/houston.conf" ->
                    new Run(null, "", "a daemon host's own file: ProductionExampleTest validates the worked example with its secrets in place");
            case "./houston bench engine" -> new Run(null, "", "minutes of JMH: ExitCodesIT runs its --quick smoke run");
            case "./houston bench sim" -> new Run(null, "", "ExitCodesIT runs its --quick run");
            case "./houston drill table config/drills config/drills/unrehearsed" ->
                    new Run(null, "", "runs every drill (minutes) and exits 3 while a known gap misses: "
                            + "CliTest runs drill table on one small drill");
            case "./houston bench probes" -> new Run(null, "", "a ramp of minutes: ProbesBenchTest and RateRampTest cover its report");
            default -> null;
        };
    }

    private static List<String> help(List<String> args) {
        List<String> help = new ArrayList<>(args);
        help.add("--help");
        return help;
    }
}
