package houston.app.cli;

/**
 * A test's commands through the CLI entry point, one after another, as a user types them: each
 * {@link #run} keeps its answer for the assertions that follow it. The CLI's tests share it rather
 * than each keeping its own last answer.
 */
final class CliSession {

    private CliRun last = new CliRun(0, "", "");

    /** Runs {@code args} through the entry point and returns the exit code. */
    int run(String... args) {
        last = CliRun.of(args);
        return last.code();
    }

    /** What the last command printed to stdout. */
    String out() {
        return last.out();
    }

    /** What the last command printed to stderr. */
    String err() {
        return last.err();
    }

    /** Everything the last command printed, for failure messages and what must never appear anywhere. */
    String said() {
        return last.said();
    }
}
