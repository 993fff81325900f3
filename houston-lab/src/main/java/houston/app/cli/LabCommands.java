package houston.app.cli;

import java.util.List;

/** What houston-lab adds to the CLI of a source checkout: {@code lab} and {@code bench} (see {@link MoreCommands}). */
public final class LabCommands implements MoreCommands {

    @Override
    public List<Object> commands() {
        return List.of(new LabCommand(), new BenchCommand());
    }
}
