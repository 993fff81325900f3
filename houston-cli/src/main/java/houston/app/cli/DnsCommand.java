package houston.app.cli;

import houston.app.config.HoustonSettings;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EvacuationWhatIf;
import houston.app.wiring.DnsSwitchFactory;
import houston.core.model.TrafficPlan;
import houston.dns.WeightedRecordSwitch;
import houston.dns.records.Change;
import houston.dns.records.Weights;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** {@code houston dns init|show|diff}: the DNS side of traffic plans, as configured in houston.dns. */
@Command(name = "dns", mixinStandardHelpOptions = true,
        description = "Look at and prepare the DNS records traffic plans are published as (houston.dns).",
        subcommands = {DnsCommand.Init.class, DnsCommand.Show.class, DnsCommand.Diff.class})
final class DnsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // Nothing to do is a usage error (exit 2, usage on stderr), so a script that forgot the
        // subcommand does not pass as a success.
        throw new CommandLine.ParameterException(spec.commandLine(), "missing %s (see the list below)".formatted("a dns command"));
    }

    /** Shared plumbing: settings, the switch, and turning a failed call into exit code 3. */
    abstract static class DnsJob implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            HoustonSettings settings = config.loadOrReport(spec.commandLine().getErr(), true);
            if (settings == null) {
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (settings.dns().provider().equals("memory")) {
                out.println("note: houston.dns.provider = memory keeps records inside one process; "
                        + "set provider = file or route53 to look at records that last.");
            }
            try (WeightedRecordSwitch dns = DnsSwitchFactory.create(settings, Clock.systemUTC())) {
                return run(settings, dns, out);
            } catch (ExecutionException e) {
                spec.commandLine().getErr().println("houston dns: " + e.getCause().getMessage());
                return 3;
            } catch (java.io.UncheckedIOException | houston.dns.zone.ZoneException e) {
                // The provider failed before any call (a zone file that cannot be read): still a provider error.
                spec.commandLine().getErr().println("houston dns: " + e.getMessage());
                return 3;
            }
        }

        abstract int run(HoustonSettings settings, WeightedRecordSwitch dns, PrintWriter out) throws Exception;

        static <T> T await(CompletionStage<T> stage) throws Exception {
            return stage.toCompletableFuture().get(10, TimeUnit.MINUTES);
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the pool records and the ownership record that do not exist yet; every catchment "
                    + "served at home (weight 255). Existing records keep their weights. With houston.dns.fallback, "
                    + "tie every record of a location to its health check (health-endpoint: created here once per "
                    + "location; arc: houston.dns.arc.health-checks). Run it again after a topology change.")
    static final class Init extends DnsJob {
        @Override
        int run(HoustonSettings settings, WeightedRecordSwitch dns, PrintWriter out) throws Exception {
            Map<String, String> checks = DnsHealthChecks.provision(settings, out, spec.commandLine().getErr());
            if (checks == null) {
                return 1;
            }
            List<Change> created = await(dns.init(TrafficPlan.identity(settings.topology().ids(), 0), checks));
            created.forEach(c -> out.println("  " + c));
            long tied = created.stream().filter(c -> c.action() == Change.Action.UPSERT).count();
            out.printf(Locale.ROOT, "created %d record sets in %s%s%n", created.size() - tied, settings.dns().zone(),
                    tied == 0 ? "" : "; tied " + tied + " existing ones to their health checks");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the live weights, read back from DNS, as a catchment x serving-location table.")
    static final class Show extends DnsJob {
        @Override
        int run(HoustonSettings settings, WeightedRecordSwitch dns, PrintWriter out) throws Exception {
            List<Change> missing = await(dns.missing(TrafficPlan.identity(settings.topology().ids(), 0)));
            if (!missing.isEmpty()) {
                // A zone without Houston's records reads as "everything at home": a table nobody published.
                spec.commandLine().getErr().printf(Locale.ROOT, "houston dns show: %d of Houston's records are missing "
                        + "in %s (e.g. %s %s); there is no live plan to show. Create them with: houston dns init%s%n",
                        missing.size(), settings.dns().zone(), missing.get(0).set().name(), missing.get(0).set().type(),
                        config.file == null ? "" : " --config " + config.file);
                return 4;
            }
            TrafficPlan live = await(dns.readLive());
            List<String> ids = live.ids();
            out.printf(Locale.ROOT, "live plan generation %d in %s (weights 0..255; rows: catchments, columns: "
                    + "serving locations)%n%-15s", live.generation(), settings.dns().zone(), "");
            List<String> columns = shortNames(ids);
            columns.forEach(id -> out.printf(Locale.ROOT, " %5s", id));
            out.println();
            for (int c = 0; c < ids.size(); c++) {
                long[] w = Weights.of(live.row(c));
                out.printf(Locale.ROOT, "%-15s", ids.get(c));
                for (long weight : w) {
                    out.printf(Locale.ROOT, " %5s", weight == 0 ? "." : String.valueOf(weight));
                }
                out.println(live.isHome(c) ? "" : "   <- moved");
            }
            return 0;
        }

        private static final java.util.Map<String, String> COMPASS = java.util.Map.of("north", "n", "south", "s",
                "east", "e", "west", "w", "central", "c", "northeast", "ne", "southeast", "se", "northwest", "nw",
                "southwest", "sw");

        /**
         * Column headers short enough for 15 columns, in AWS's own short-code style: us-east-1 → use1,
         * ap-southeast-2 → apse2. Ids that do not shorten uniquely are numbered instead.
         */
        static List<String> shortNames(List<String> ids) {
            List<String> names = new java.util.ArrayList<>();
            for (String id : ids) {
                String[] parts = id.split("-");
                StringBuilder s = new StringBuilder(parts[0]);
                for (int i = 1; i < parts.length; i++) {
                    s.append(parts[i].matches("\\d+") ? parts[i] : COMPASS.getOrDefault(parts[i], parts[i].substring(0, 1)));
                }
                names.add(s.length() > 5 ? s.substring(0, 5) : s.toString());
            }
            if (new java.util.HashSet<>(names).size() < names.size()) {
                names.clear();
                for (int i = 0; i < ids.size(); i++) {
                    names.add("#" + (i + 1));
                }
            }
            return names;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Print the change batch that evacuating LOC would send, against the live records, "
                    + "without sending it.")
    static final class Diff extends DnsJob {
        @Option(names = "--evacuate", required = true, split = ",", paramLabel = "LOC", description = "Location id(s).")
        List<String> evacuate;

        @Override
        int run(HoustonSettings settings, WeightedRecordSwitch dns, PrintWriter out) throws Exception {
            TrafficPlan live = await(dns.readLive());
            TrafficPlan plan;
            try {
                plan = new EvacuationWhatIf(new DecisionEngine(settings.engine(), settings.topology())).evacuate(evacuate, Instant.now()).plan()
                        .atGeneration(live.generation() + 1);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("houston dns diff: " + e.getMessage());
                return 2;
            }
            List<Change> batch = await(dns.preview(plan));
            out.printf(Locale.ROOT, "evacuating %s: %d changes against live generation %d (%d records; "
                    + "Route 53 takes %d per batch)%n", String.join(",", evacuate), batch.size(), live.generation(),
                    Change.records(batch), Change.MAX_RECORDS_PER_BATCH);
            batch.forEach(c -> out.println("  " + c));
            out.println("nothing was sent.");
            return 0;
        }
    }
}
