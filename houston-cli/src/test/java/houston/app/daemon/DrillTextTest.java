package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DrillTextTest {

    private final HoustonSettings settings = HoustonConfigLoader.load(null);

    @Test
    void aShippedDrillAnswersWithItsKpiTable() {
        String text = DrillText.run("partitioned-prober", settings);

        assertTrue(text.contains("drill: partitioned prober") && text.contains("false evacuations"), text);
        assertTrue(text.contains("live traffic untouched"), text);
    }

    @Test
    void anUnknownDrillSaysSoAndRunsNothing() {
        String text = DrillText.run("mars-outage", settings);

        assertTrue(text.startsWith("No shipped drill named 'mars-outage'"), text);
    }
}
