package houston.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import houston.app.config.HoustonSettings;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EvacuationWhatIf;
import houston.core.engine.EvacuationWhatIf.Answer;
import houston.core.engine.Action;
import houston.core.model.Location;
import houston.core.plan.Placement;
import houston.core.plan.ReceiverShare;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code houston plan --evacuate LOC[,LOC…]}: what the engine would do, without doing it. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what the engine would do if the given locations were evacuated now at peak demand: "
                + "receivers, fractions, pre-scale per receiver and the capacity math. Changes nothing.")
final class PlanCommand extends SettingsCommand {

    enum Format { table, json }

    @Option(names = "--evacuate", required = true, split = ",", paramLabel = "LOC",
            description = "Location id(s) to evacuate, comma-separated.")
    List<String> evacuate;

    @Option(names = "--format", defaultValue = "table", description = "table or json. Default: ${DEFAULT-VALUE}.")
    Format format;



    @Override
    int run(HoustonSettings settings, PrintWriter out, PrintWriter err) throws Exception {
        Answer preview;
        try {
            preview = new EvacuationWhatIf(new DecisionEngine(settings.engine(), settings.topology())).evacuate(evacuate, Instant.now());
        } catch (IllegalArgumentException e) {
            err.println("houston plan: " + e.getMessage());
            return 2;
        }
        if (format == Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(preview)));
        } else {
            table(preview, settings, out);
        }
        return 0;
    }

    /** The documented JSON shape (docs/operations.md, "plan --format json"). */
    static Map<String, Object> json(Answer p) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generation", p.plan().generation());
        root.put("evacuations", p.placements());
        root.put("preScale", p.preScales().stream().map(s -> Map.of("location", s.location(), "instances", s.instances(),
                "reason", s.reason())).toList());
        Map<String, Map<String, Double>> moved = new LinkedHashMap<>(p.plan().toMap());
        moved.entrySet().removeIf(row -> row.getValue().size() == 1 && row.getValue().containsKey(row.getKey()));
        // Two plans, named for what they are: the one published now (generation) sends users where
        // ready instances have room, non-receivers included; the final one is the placement's.
        root.put("interimPlan", moved);
        Map<String, Map<String, Double>> last = new LinkedHashMap<>();
        for (Placement placement : p.placements()) {
            Map<String, Double> row = new java.util.TreeMap<>();
            if (placement.unplacedRps() > 0 || placement.movedRps() <= 0) {
                row.put(placement.origin(), finalHomeShare(placement));
            }
            placement.receivers().forEach(r -> row.merge(r.location(), r.fraction(), Double::sum));
            last.put(placement.origin(), row);
        }
        root.put("finalPlan", last);
        root.put("alerts", p.alerts().stream().map(Action.Alert::message).toList());
        return root;
    }

    private static void table(Answer p, HoustonSettings settings, PrintWriter out) {
        for (Placement placement : p.placements()) {
            out.printf(Locale.ROOT, "Evacuate %s: move %.0f rps%n", placement.origin(), placement.movedRps());
            out.printf(Locale.ROOT, "  %-15s %7s %9s  %-24s %-15s %7s %10s%n", "receiver", "share", "+rps",
                    "load rps before -> after", "instances", "of max", "distance");
            for (ReceiverShare r : placement.receivers()) {
                out.printf(Locale.ROOT, "  %-15s %6.1f%% %9.0f  %10.0f -> %-10.0f %4d -> %-7d %6.0f%% %7.0f km%n",
                        r.location(), r.fraction() * 100, r.addedRps(), r.loadBeforeRps(), r.loadAfterRps(),
                        r.instancesBefore(), r.instancesNeeded(), r.levelOfMax() * 100, r.distance());
            }
            if (placement.unplacedRps() > 0) {
                out.printf(Locale.ROOT, "  !! %.0f rps found no receiver below its maximum and stay on %s%n",
                        placement.unplacedRps(), placement.origin());
            }
            placement.notes().forEach(n -> out.println("  note: " + n));
            out.println();
        }
        out.println("Pre-scale before shifting:");
        if (p.preScales().isEmpty()) {
            out.println("  none: receivers already have the capacity");
        }
        for (Action.PreScale s : p.preScales()) {
            Location l = settings.topology().location(s.location());
            out.printf(Locale.ROOT, "  %-15s %4d -> %-4d instances (max %d, ready in ~%ds)%n", s.location(),
                    l.capacity().instances(), s.instances(), l.capacity().maxInstances(),
                    l.capacity().scaleUpLeadTime().toSeconds());
        }
        p.alerts().forEach(a -> out.println("ALERT " + a.kind() + ": " + a.message()));
        interim(p, settings, out);
        out.printf(Locale.ROOT, "%nPlan generation %d would be published.%n", p.plan().generation());
    }

    /** What is published at once when receivers must scale first: what their ready instances carry. */
    private static void interim(Answer p, HoustonSettings settings, PrintWriter out) {
        List<String> ids = settings.topology().ids();
        for (Placement placement : p.placements()) {
            int origin = ids.indexOf(placement.origin());
            double[] row = p.plan().row(origin);
            if (origin < 0) {
                continue;
            }
            double[] planned = new double[row.length];
            planned[origin] = finalHomeShare(placement);
            placement.receivers().forEach(r -> planned[ids.indexOf(r.location())] += r.fraction());
            boolean differs = false;
            for (int s = 0; s < row.length; s++) {
                differs |= Math.abs(row[s] - planned[s]) > 1e-6;
            }
            if (!differs) {
                continue;
            }
            List<String> parts = new java.util.ArrayList<>();
            for (int s = 0; s < row.length; s++) {
                if (row[s] > 1e-9) {
                    parts.add(String.format(Locale.ROOT, "%s %.1f%%", s == origin ? "home" : ids.get(s), row[s] * 100));
                }
            }
            out.printf(Locale.ROOT, "%nUntil the pre-scales are ready, %s's users go where ready instances have room:%n"
                    + "  %s%n  (no receiver past 90%% of its ready instances; the rest moves as the receivers become ready)%n",
                    placement.origin(), String.join(", ", parts));
        }
    }

    /** The share of a catchment that stays home once the receivers are ready: what nobody could take. */
    private static double finalHomeShare(Placement placement) {
        return placement.movedRps() <= 0 ? 1 : placement.unplacedRps() / placement.movedRps();
    }
}
