package houston.app.cli;

import java.util.List;

/**
 * Commands a module beside the release adds to {@code houston}, found on the class path with
 * {@link java.util.ServiceLoader}: houston-lab adds {@code lab} and {@code bench}, so the source
 * checkout's {@code ./houston} (houston-lab's jar) offers them and the release's jar, which holds no
 * lab, does not. The CLI does not depend on the lab; the lab plugs into the CLI.
 */
public interface MoreCommands {

    /** Picocli commands (each annotated with {@code @Command}), in the order the help lists them. */
    List<Object> commands();
}
