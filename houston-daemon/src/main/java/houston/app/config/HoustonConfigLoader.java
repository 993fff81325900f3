package houston.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import houston.core.config.EngineConfig;
import houston.core.config.FailbackConfig;
import houston.core.config.HealthConfig;
import houston.core.config.HysteresisConfig;
import houston.core.config.PlannerConfig;
import houston.core.config.ProbeConfig;
import houston.core.config.SafetyConfig;
import houston.core.model.Topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads Houston's configuration: the built-in {@code houston.conf} (the shipped config/ folder),
 * overlaid by the user's file when one is given; validates every key; maps the result into the
 * core's immutable config records. Throws {@link ConfigException} listing every problem with
 * its key, value, expectation and file:line.
 */
public final class HoustonConfigLoader {

    static final String DEFAULTS = "houston.conf";
    private static final Duration HOUR = Duration.ofHours(1);

    private HoustonConfigLoader() {
    }

    /** Loads the built-in defaults overlaid by {@code file} (null: defaults only). */
    public static HoustonSettings load(Path file) {
        return load(file, true);
    }

    /**
     * Loads the built-in defaults overlaid by {@code file} (null: defaults only); with
     * {@code readSecrets} false, secret files need not exist (checking a config away from its host).
     */
    public static HoustonSettings load(Path file, boolean readSecrets) {
        if (file == null) {
            return load(ConfigFactory.empty(), "built-in defaults", readSecrets);
        }
        return load(parseFile(file, "--config"), file.toString(), readSecrets);
    }

    /** Loads the built-in defaults overlaid by {@code user} (already parsed), read from {@code source}. */
    static HoustonSettings load(Config user, String source) {
        return load(user, source, true);
    }

    private static HoustonSettings load(Config user, String source, boolean readSecrets) {
        List<ConfigProblem> problems = new ArrayList<>();
        Config defaults = ConfigFactory.parseResources(DEFAULTS, ConfigParseOptions.defaults().setAllowMissing(false))
                .resolve();
        new UnknownKeys(defaults).check(user, source, problems);
        Config merged;
        try {
            merged = user.withFallback(defaults).resolve();
        } catch (com.typesafe.config.ConfigException e) {
            problems.add(new ConfigProblem("(substitution)", e.getMessage(), "resolvable ${...} references", source));
            throw new ConfigException(problems);
        }
        ConfigReader in = new ConfigReader(merged, problems, readSecrets);
        boolean ownLocationsOnly = !in.bool("houston.topology.include-default-locations");
        Topology topology = new TopologyReader(in).read(ownLocationsOnly ? user : merged);
        java.util.Set<String> ids = topology == null ? java.util.Set.of() : java.util.Set.copyOf(topology.ids());
        HoustonSettings settings = new HoustonSettings(source,
                in.duration("houston.tick", Duration.ofMillis(100), Duration.ofMinutes(1)),
                probes(in), engine(in, topology), topology, new IntegrationReader(in).read(ids), new DnsReader(in).read(ids),
                new ScalerReader(in).read(ids, longestLead(topology)), new SlackReader(in).read(), daemon(in),
                new HaReader(in).read());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return settings;
    }

    /** Parses a user's HOCON file; {@code option} names where the path came from in the error. */
    static Config parseFile(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of(new ConfigProblem(option, file.toString(), "a readable HOCON file",
                    "command line")));
        }
        Utf8Check.check(file, option);
        try {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)
                    .setIncluder(new RequiredIncludes()));
        } catch (RequiredIncludes.Missing e) {
            throw new ConfigException(List.of(e.problem(file)));
        } catch (com.typesafe.config.ConfigException e) {
            String where = e.origin() == null ? file.toString() : ProblemDetails.describe(e.origin());
            // The library's message starts with the place; it is said once, at the end.
            String message = e.origin() == null ? e.getMessage()
                    : e.getMessage().replaceFirst("^\\Q" + e.origin().description() + "\\E: ", "");
            throw new ConfigException(List.of(new ConfigProblem("(syntax)", message, "valid HOCON", where)));
        }
    }

    private static DaemonSettings daemon(ConfigReader in) {
        String host = in.string("houston.http.host", "an address to listen on, e.g. 0.0.0.0 or 127.0.0.1");
        List<String> vantages = in.strings("houston.health.vantages");
        String vantage = in.string("houston.daemon.vantage", "one of houston.health.vantages, or \"\"");
        if (vantage.isBlank() && !vantages.isEmpty()) {
            vantage = vantages.get(0);
        } else if (!vantages.contains(vantage)) {
            in.problem("houston.daemon.vantage", "one of " + vantages);
        }
        return new DaemonSettings(host, in.integer("houston.http.port", 0, 65535),
                in.directory("houston.journal.dir"),
                in.bytes("houston.journal.max-file", 64 * 1024, 16L << 30), in.integer("houston.journal.keep-files", 1, 1000),
                vantage, in.integer("houston.http.max-connections", 16, 100_000),
                in.integer("houston.http.max-connections-per-client", 1, 100_000),
                in.duration("houston.http.header-timeout", Duration.ofMillis(100), Duration.ofMinutes(5)),
                in.duration("houston.http.idle-timeout", Duration.ofSeconds(1), Duration.ofHours(1)));
    }

    private static ProbeConfig probes(ConfigReader in) {
        String p = "houston.probes.";
        Duration connect = in.duration(p + "connect-timeout", Duration.ofMillis(50), Duration.ofSeconds(60));
        Duration timeout = in.duration(p + "timeout", Duration.ofMillis(100), Duration.ofSeconds(60));
        if (!timeout.isNegative() && connect.compareTo(timeout) > 0) {
            in.problem(p + "connect-timeout", "at most probes.timeout=" + timeout.toMillis() + "ms");
        }
        return new ProbeConfig(in.duration(p + "interval", Duration.ofMillis(100), HOUR),
                in.duration(p + "jitter", Duration.ZERO, Duration.ofMinutes(1)), connect, timeout,
                in.duration(p + "latency-objective", Duration.ofMillis(1), Duration.ofSeconds(60)),
                (int) in.bytes(p + "max-body", 1024, 64L * 1024 * 1024),
                in.integer(p + "max-in-flight", 1, 100_000));
    }

    private static Duration longestLead(Topology topology) {
        Duration longest = Duration.ZERO;
        for (int l = 0; topology != null && l < topology.size(); l++) {
            Duration lead = topology.location(l).capacity().scaleUpLeadTime();
            longest = lead.compareTo(longest) > 0 ? lead : longest;
        }
        return longest;
    }

    private static EngineConfig engine(ConfigReader in, Topology topology) {
        int locations = topology == null ? Integer.MAX_VALUE : topology.size();
        String h = "houston.health.";
        List<String> vantages = in.strings(h + "vantages");
        if (vantages.isEmpty() || vantages.stream().distinct().count() != vantages.size()) {
            in.problem(h + "vantages", "a non-empty list of distinct vantage names");
        }
        int quorum = in.integer(h + "quorum", 1, Math.max(1, vantages.size()), "1..vantages=" + vantages.size());
        HealthConfig health = new HealthConfig(vantages, quorum, in.duration(h + "window", Duration.ofSeconds(1), HOUR),
                in.integer(h + "max-samples", 1, 100_000), in.integer(h + "min-samples", 1, 100_000),
                in.number(h + "slow-badness", 0, 1, "0..1"), in.number(h + "suspect-vantage-fraction", 0.1, 1, "0.1..1"),
                in.duration(h + "signal-ttl", Duration.ofSeconds(1), Duration.ofDays(1)));
        if (health.minSamples() > health.maxSamples()) {
            in.problem(h + "min-samples", "at most max-samples=" + health.maxSamples());
        }
        String y = "houston.hysteresis.";
        HysteresisConfig hysteresis = new HysteresisConfig(in.number(y + "down-threshold", 0.01, 0.99, "0.01..0.99"),
                in.number(y + "up-threshold", 0.01, 1, "0.01..1"), in.number(y + "dead-threshold", 0, 0.99, "0..0.99"),
                in.duration(y + "down-hold", Duration.ZERO, HOUR), in.duration(y + "up-hold", Duration.ZERO, Duration.ofDays(1)));
        if (hysteresis.upThreshold() <= hysteresis.downThreshold()) {
            in.problem(y + "up-threshold", "above down-threshold=" + hysteresis.downThreshold());
        }
        if (hysteresis.deadThreshold() >= hysteresis.downThreshold()) {
            in.problem(y + "dead-threshold", "below down-threshold=" + hysteresis.downThreshold());
        }
        String f = "houston.failback.";
        FailbackConfig failback = new FailbackConfig(in.numbers(f + "steps"),
                in.duration(f + "step-hold", Duration.ZERO, Duration.ofDays(1)));
        checkSteps(in, failback.steps());
        String pl = "houston.planner.";
        int maxReceiversAllowed = Math.max(1, locations - 1);
        // A default past a small topology's bound names the topology: the user set neither key.
        String fewer = "1.." + maxReceiversAllowed + ": one fewer than the topology's " + locations + " locations";
        PlannerConfig planner = new PlannerConfig(in.integer(pl + "receivers", 1, maxReceiversAllowed, fewer),
                in.integer(pl + "max-receivers", 1, maxReceiversAllowed, fewer),
                in.duration(pl + "prescale-timeout", Duration.ZERO, HOUR),
                in.duration(pl + "scale-down-cooldown", Duration.ZERO, Duration.ofDays(1)),
                in.duration(pl + "scale-down-after-failback", Duration.ZERO, Duration.ofDays(1)));
        if (planner.maxReceivers() < planner.receivers()) {
            in.problem(pl + "max-receivers", "at least receivers=" + planner.receivers());
        }
        String s = "houston.safety.";
        SafetyConfig safety = new SafetyConfig(in.integer(s + "max-evacuated", 0, Math.max(0, locations - 1)),
                in.number(s + "fail-static-fraction", 0.05, 1, "0.05..1"), in.integer(s + "min-serving", 1, locations),
                in.integer(s + "max-new-evacuations", 0, 1000), in.duration(s + "rate-window", Duration.ZERO, Duration.ofDays(1)),
                in.duration(s + "default-override", Duration.ofMinutes(1), Duration.ofDays(7)),
                in.duration(s + "publish-retry", Duration.ofSeconds(1), HOUR), in.bool(s + "dry-run"));
        return new EngineConfig(health, hysteresis, failback, planner, safety, DnsReader.fallback(in),
                DemandReader.engine(in));
    }

    private static void checkSteps(ConfigReader in, List<Double> steps) {
        boolean ascending = !steps.isEmpty();
        for (int i = 0; i < steps.size(); i++) {
            double v = steps.get(i);
            ascending &= v > 0 && v <= 1 && (i == 0 || v > steps.get(i - 1));
        }
        if (!ascending || steps.get(steps.size() - 1) != 1.0) {
            in.problem("houston.failback.steps", "ascending fractions in (0, 1] ending with 1.0, e.g. [0.25, 0.5, 1.0]");
        }
    }
}
