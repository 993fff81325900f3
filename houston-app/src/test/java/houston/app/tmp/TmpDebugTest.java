package houston.app.tmp;

import houston.app.config.DrillReader;
import houston.sim.Drill;
import houston.sim.RunResult;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;

class TmpDebugTest {
    @Test
    void debug() throws Exception {
        String f = System.getProperty("drill", "../config/drills/unrehearsed/flapping-5-minute-period.conf");
        DrillReader.Drill drill = DrillReader.read(Path.of(f));
        RunResult r = Drill.runOne(drill.scenario(), drill.setup(), "houston", ms -> { });
        for (var m : r.series().marks()) System.err.println("MARK " + m.at() + " " + m.kind() + " " + m.text());
        System.err.println("KPI " + r.kpis());
    }
}
