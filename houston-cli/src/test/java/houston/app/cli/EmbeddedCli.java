package houston.app.cli;

/**
 * Runs one Houston command inside a JVM that goes on living and then ends normally, as a test
 * runner or an embedding does (unlike the launcher, which exits with the command's code): its
 * exit code is 0 unless something the command left behind ends the JVM otherwise.
 */
public final class EmbeddedCli {

    private EmbeddedCli() {
    }

    public static void main(String[] args) {
        int code = HoustonCli.commandLine().execute(args);
        System.out.println("command exited " + code);
    }
}
