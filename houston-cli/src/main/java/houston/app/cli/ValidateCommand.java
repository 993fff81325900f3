package houston.app.cli;

import houston.app.config.HaSettings;
import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.core.model.Location;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;

/** {@code houston validate}: exit 0 with a summary, or 1 with every problem listed. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the configuration: every problem is listed with its key, value, what was expected "
                + "and where. Exit 0 when valid, 1 when not.")
final class ValidateCommand extends SettingsCommand {

    @Option(names = "--skip-secrets", description = "Do not require the secret files (token-file, signing-secret-file) "
            + "to be readable: to check a configuration away from the host that holds its secrets.")
    boolean skipSecrets;

    @Override
    boolean readsSecretFiles() {
        return !skipSecrets;
    }

    @Override
    int run(HoustonSettings s, PrintWriter out, PrintWriter err) {
        double demand = s.topology().locations().stream().mapToDouble(Location::peakDemandRps).sum();
        long instances = s.topology().locations().stream().mapToLong(l -> l.capacity().instances()).sum();
        out.printf(Locale.ROOT, "configuration OK (%s)%n", s.source());
        out.printf(Locale.ROOT, "  locations   %d: %s%n", s.topology().size(), String.join(", ", s.topology().ids()));
        out.printf(Locale.ROOT, "  demand      %.0f rps at peak over %d instances%n", demand, instances);
        out.printf(Locale.ROOT, "  vantages    %s, quorum %d%n", String.join(", ", s.engine().health().vantages()),
                s.engine().health().quorum());
        out.printf(Locale.ROOT, "  thresholds  bad < %.2f for %ds, good >= %.2f for %ds, fail-back %s every %ds%n",
                s.engine().hysteresis().downThreshold(), s.engine().hysteresis().downHold().toSeconds(),
                s.engine().hysteresis().upThreshold(), s.engine().hysteresis().upHold().toSeconds(),
                s.engine().failback().steps(), s.engine().failback().stepHold().toSeconds());
        out.printf(Locale.ROOT, "  safety      max %d evacuated, fail static at %d bad, min %d serving%s%n",
                s.engine().safety().maxEvacuated(), s.engine().safety().failStaticCount(s.topology().size()),
                s.engine().safety().minServing(), s.engine().safety().dryRun() ? ", DRY RUN" : "");
        out.printf(Locale.ROOT, "  tick        %dms%n", s.tick().toMillis());
        String ignored = ignoredReplicaKeys(s.ha());
        if (!ignored.isEmpty()) {
            out.printf(Locale.ROOT, "  warning     %s %s set but houston.ha.provider = none: they do nothing (expected: "
                    + "houston.ha.provider = zookeeper to run as a replica)%n", ignored, ignored.contains(",") ? "are" : "is");
        }
        if (skipSecrets) {
            out.printf(Locale.ROOT, "  secrets     not read (--skip-secrets): run validate on the host to check them%n");
        }
        return 0;
    }

    /**
     * The replica keys set away from their defaults while the provider is none: an operator who
     * wrote them believes this daemon is a replica, and it runs alone.
     */
    private static String ignoredReplicaKeys(HaSettings ha) {
        if (ha.enabled()) {
            return "";
        }
        HaSettings d = HoustonConfigLoader.load(null).ha();
        java.util.List<String> set = new java.util.ArrayList<>();
        java.util.Map<String, Boolean> differs = new java.util.LinkedHashMap<>();
        differs.put("houston.ha.replica", !ha.replica().equals(d.replica()));
        differs.put("houston.ha.zookeeper.connect", !ha.connect().equals(d.connect()));
        differs.put("houston.ha.zookeeper.path", !ha.path().equals(d.path()));
        differs.put("houston.ha.zookeeper.session-timeout", !ha.sessionTimeout().equals(d.sessionTimeout()));
        differs.put("houston.ha.zookeeper.connection-timeout", !ha.connectionTimeout().equals(d.connectionTimeout()));
        differs.forEach((key, changed) -> {
            if (changed) {
                set.add(key);
            }
        });
        return String.join(", ", set);
    }
}
