package houston.app.daemon;

import houston.app.config.ConfigException;
import houston.app.config.DrillReader;
import houston.app.config.HoustonSettings;
import houston.sim.Drill;
import houston.sim.DrillResult;
import houston.sim.KpiTable;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code /houston drill NAME}: runs a drill shipped in config/drills against the daemon's own
 * configuration (its topology and thresholds) in the simulator, and answers with the KPI table.
 * The daemon's {@link Drills} port: here, beside the simulator, not in houston-daemon.
 */
public final class DrillText {

    private DrillText() {
    }

    public static String run(String name, HoustonSettings settings) {
        Path config = Path.of(settings.source());
        DrillReader.Drill drill;
        try {
            drill = DrillReader.readShipped(name, Files.isRegularFile(config) ? config : null);
        } catch (ConfigException e) {
            return "Drill " + name + " does not fit this configuration: " + e.problems().get(0).render();
        }
        if (drill == null) {
            return "No shipped drill named '" + name + "' (see config/drills/, e.g. us-east-1-outage-at-peak). "
                    + "Nothing was run.";
        }
        DrillResult result = Drill.run(drill.scenario(), drill.setup(), p -> { });
        return "Drill *" + drill.scenario().name() + "* (simulated; live traffic untouched):\n```"
                + KpiTable.render(result) + "```";
    }
}
