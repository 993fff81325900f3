package houston.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import houston.app.config.HoustonSettings;
import houston.capacity.BufferPlan;
import houston.capacity.BufferPlanner;
import houston.capacity.LocationBuffer;
import houston.capacity.Shortfall;
import houston.core.engine.DecisionEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code houston capacity}: the N+K buffer each location needs so losing any K is absorbed. */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = "For the topology at peak demand, the fewest instances per location so that losing any K "
                + "locations is absorbed at or under target utilisation by the receivers the engine would choose. "
                + "Exit 0, or 4 when some loss cannot be absorbed at any size.")
final class CapacityCommand extends SettingsCommand {

    enum Format { table, json, csv }

    @Option(names = "--survive", defaultValue = "1", paramLabel = "K", description = "Locations lost at once. Default: ${DEFAULT-VALUE}.")
    int survive;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv. Default: ${DEFAULT-VALUE}.")
    Format format;



    @Override
    int run(HoustonSettings settings, PrintWriter out, PrintWriter err) throws Exception {
        BufferPlan plan;
        try {
            plan = new BufferPlanner(new DecisionEngine(settings.engine(), settings.topology())).plan(survive);
        } catch (IllegalArgumentException e) {
            err.println("houston capacity: " + e.getMessage());
            return 2;
        }
        switch (format) {
            case json -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(plan)));
            case csv -> csv(plan, out);
            default -> table(plan, out);
        }
        return plan.shortfalls().isEmpty() ? 0 : 4;
    }

    private static Map<String, Object> json(BufferPlan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("survive", plan.survive());
        root.put("casesChecked", plan.casesChecked());
        root.put("locations", plan.locations().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("location", l.location());
            m.put("today", l.today());
            m.put("required", l.required());
            m.put("delta", l.delta());
            m.put("worstCase", l.worstCase());
            m.put("peakLoadRps", Math.round(l.peakLoadRps()));
            m.put("instanceHoursPerDay", l.instanceHoursPerDay());
            return m;
        }).toList());
        root.put("shortfalls", plan.shortfalls());
        return root;
    }

    private static void csv(BufferPlan plan, PrintWriter out) {
        out.println("location,today,required,delta,worst_case,peak_load_rps,instance_hours_per_day");
        for (LocationBuffer l : plan.locations()) {
            out.printf(Locale.ROOT, "%s,%d,%d,%d,%s,%.0f,%d%n", l.location(), l.today(), l.required(), l.delta(),
                    String.join("+", l.worstCase()), l.peakLoadRps(), l.instanceHoursPerDay());
        }
    }

    private static void table(BufferPlan plan, PrintWriter out) {
        out.printf(Locale.ROOT, "Buffer to survive the loss of any %d location%s at peak (%d cases checked)%n%n",
                plan.survive(), plan.survive() == 1 ? "" : "s", plan.casesChecked());
        out.printf(Locale.ROOT, "%-15s %7s %9s %7s  %-28s %12s %14s%n", "location", "today", "required", "delta",
                "worst case (lost)", "load rps", "inst-h/day");
        for (LocationBuffer l : plan.locations()) {
            out.printf(Locale.ROOT, "%-15s %7d %9d %+7d  %-28s %12.0f %14d%n", l.location(), l.today(), l.required(),
                    l.delta(), l.worstCase().isEmpty() ? "(own peak)" : String.join(" + ", l.worstCase()),
                    l.peakLoadRps(), l.instanceHoursPerDay());
        }
        long today = plan.instancesToday();
        long required = plan.instancesRequired();
        out.printf(Locale.ROOT, "%-15s %7d %9d %+7d  %-28s %12s %14d%n", "total", today, required, required - today, "",
                "", required * 24);
        if (plan.shortfalls().isEmpty()) {
            out.printf(Locale.ROOT, "%nEvery loss of %d location%s is absorbed at the required sizes.%n", plan.survive(),
                    plan.survive() == 1 ? "" : "s");
        }
        for (Shortfall s : plan.shortfalls()) {
            out.printf(Locale.ROOT, "%nCANNOT SURVIVE losing %s: %.0f rps find no receiver even with %s at their "
                    + "max-instances. Raise their max-instances or add a location nearby.%n",
                    String.join(" + ", s.failed()), s.unplacedRps(), String.join(", ", s.receiversAtMax()));
        }
    }
}
