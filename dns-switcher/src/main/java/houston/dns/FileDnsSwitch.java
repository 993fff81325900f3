package houston.dns;

import houston.dns.records.PoolLayout;
import houston.dns.zone.FileZone;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Traffic plans in a JSON file, for dry runs: each publish rewrites the file with the records
 * and, beside them, the plan they encode (generation and catchment → serving → fraction), so a
 * human can read what would have been live. A new instance reads the file back.
 */
public final class FileDnsSwitch extends WeightedRecordSwitch {

    public FileDnsSwitch(Path file, PoolLayout layout, SwitchSettings settings, Clock clock) {
        super(new FileZone(file, clock, records -> {
            var plan = layout.plan(records);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("generation", plan.generation());
            summary.put("plan", plan.toMap());
            return summary;
        }), layout, settings);
    }
}
