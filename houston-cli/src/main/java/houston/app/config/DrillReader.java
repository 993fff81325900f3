package houston.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import houston.core.model.Topology;
import houston.sim.DnsApi;
import houston.sim.Fault;
import houston.sim.HoustonSetup;
import houston.sim.Objectives;
import houston.sim.Route53Baseline;
import houston.sim.Scenario;
import houston.sim.Spike;
import houston.sim.TtlModel;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a drill file ({@code config/drills/*.conf}): its {@code drill { ... }} section over
 * {@code drill-defaults.conf}, and any {@code houston { ... }} keys over Houston's own defaults,
 * with the same checks and error messages as {@code houston.conf}.
 */
public final class DrillReader {

    static final String DEFAULTS = "drill-defaults.conf";
    /** The most faults, and the most demand spikes, one drill may hold. */
    static final int MAX_ENTRIES = 1000;
    private static final Duration DAY = Duration.ofDays(1);
    private static final Set<String> SPIKE_KEYS = Set.of("location", "at", "length", "factor");
    private static final Set<String> OBJECTIVE_KEYS = Set.of("max-overload-seconds", "max-false-evacuations",
            "max-time-to-detect", "max-time-to-move-90", "min-factor-vs-baseline", "min-factor-vs-no-action",
            "max-failed-fraction", "max-shifts", "max-safety-alerts");

    /** A drill file read: the scenario and the Houston it runs. */
    public record Drill(Scenario scenario, HoustonSetup setup, HoustonSettings settings) {
    }

    private DrillReader() {
    }

    public static Drill read(Path file) {
        return read(HoustonConfigLoader.parseFile(file, "FILE"), ConfigFactory.empty(), file);
    }

    /**
     * A drill shipped in config/drills (built into Houston), run against a daemon's own
     * configuration ({@code daemonConfig}, null: the built-in defaults) with the drill's keys on top.
     * Returns null when no drill has that name.
     */
    public static Drill readShipped(String name, Path daemonConfig) {
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")
                || DrillReader.class.getClassLoader().getResource("drills/" + name + ".conf") == null) {
            return null;
        }
        Config parsed = ConfigFactory.parseResources("drills/" + name + ".conf",
                ConfigParseOptions.defaults().setAllowMissing(false));
        Config base = daemonConfig == null ? ConfigFactory.empty() : HoustonConfigLoader.parseFile(daemonConfig, "--config");
        return read(parsed, base, Path.of("config", "drills", name + ".conf"));
    }

    private static Drill read(Config parsed, Config base, Path file) {
        HoustonSettings settings = HoustonConfigLoader.load(parsed.withoutPath("drill").withFallback(base),
                file.toString());
        List<ConfigProblem> problems = new ArrayList<>();
        Config defaults = ConfigFactory.parseResources(DEFAULTS, ConfigParseOptions.defaults().setAllowMissing(false));
        Config own = parsed.withOnlyPath("drill");
        if (own.hasPath("drill.houston")) {
            // Read as drill keys it would be a pile of unknown keys that are in fact in houston.conf.
            problems.add(new ConfigProblem("drill.houston", "a houston { } block inside drill { }",
                    "houston { } at the top level of the file, beside drill { }",
                    ProblemDetails.describe(own.getValue("drill.houston").origin())));
            own = own.withoutPath("drill.houston");
        }
        // Secondaries are free-form (location = location); objectives are checked against their own list.
        new UnknownKeys(defaults).check(own.withoutPath("drill.baseline.secondaries").withoutPath("drill.objectives"),
                file.toString(), problems);
        ConfigReader in = new ConfigReader(own.withFallback(defaults).resolve(), problems, true);
        if (own.hasPath("drill.objectives")) {
            in.element(own.getConfig("drill.objectives"), "drill.objectives", OBJECTIVE_KEYS);
        }
        Topology topology = settings.topology();
        Scenario scenario = scenario(in, topology, settings, file);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        houston.dns.SwitchSettings dns = settings.dns().switching();
        HoustonSetup setup = new HoustonSetup(settings.engine(), settings.probes(), topology, settings.tick(),
                settings.scaler().readyTimeout(), new DnsApi(dns.maxAttempts(), dns.initialBackoff(), dns.maxBackoff(),
                dns.pollInterval(), dns.insyncTimeout(), settings.dns().controlPlaneWatch()),
                settings.dns().healthCheck().interval(), settings.dns().healthCheck().threshold());
        return new Drill(scenario, setup, settings);
    }

    private static Scenario scenario(ConfigReader in, Topology topology, HoustonSettings settings, Path file) {
        String d = "drill.";
        String name = oneLine(in, d + "name", "a name");
        Duration length = in.duration(d + "length", Duration.ofMinutes(1), Duration.ofDays(31));
        Duration sample = in.duration(d + "sample", Duration.ZERO, DAY);
        if (sample.isZero()) {
            sample = Duration.ofMillis(Math.max(1000, length.toMillis() / 1500));
        }
        Duration ttl = Duration.ofSeconds(settings.dns().ttlSeconds());
        TtlModel clients = null;
        try {
            clients = new TtlModel(ttl, in.number(d + "dns.strict", 0, 1, "0..1"),
                    in.number(d + "dns.lag-ttls", 0.01, 1000, "a number of TTLs > 0"),
                    in.number(d + "dns.linger", 0, 1, "0..1"), in.duration(d + "dns.linger-mean", Duration.ofSeconds(1), DAY));
        } catch (IllegalArgumentException e) {
            in.problem(d + "dns.linger", "strict + linger <= 1");
        }
        String description = oneLine(in, d + "description", "text");
        Instant start = instant(in, d + "start");
        double trough = in.number(d + "demand.trough", 0, 1, "0..1");
        double peakHour = in.number(d + "demand.peak-hour", 0, 24, "0..24");
        List<Spike> spikes = spikes(in, topology, length);
        List<Fault> faults = DrillFaults.read(in, topology, settings.engine().health().vantages(), length);
        // At 1 every probe is lost: Houston would sit blind through the drill and the run would say nothing about it.
        double probeLoss = in.number(d + "probe-loss", 0, Math.nextDown(1.0), "0 <= x < 1, the fraction of probes "
                + "lost: at 1 every probe is lost and Houston sees nothing");
        Duration dnsLatency = in.duration(d + "dns.latency", Duration.ZERO, DAY);
        boolean signals = in.bool(d + "signals");
        Route53Baseline baseline = baseline(in, topology);
        Objectives objectives = objectives(in);
        Duration signalDelay = in.duration(d + "signal-delay", Duration.ZERO, Duration.ofHours(1));
        double signalLoss = in.number(d + "signal-loss", 0, 1, "0..1");
        double farKm = in.number(d + "far-km", 0, 40_000, "km 0..40000");
        if (!in.problems().isEmpty()) {
            // Every value was checked above; a scenario built from a bad one would only fail less clearly.
            throw new ConfigException(in.problems());
        }
        return new Scenario(name.isBlank() ? file.getFileName().toString() : name, description, start, length,
                in.config().getLong(d + "seed"), trough, peakHour, spikes, faults, probeLoss, clients, dnsLatency, signals,
                baseline, objectives, sample, signalDelay, signalLoss, farKm);
    }

    /**
     * A name or description: printed in the KPI table, the drill table (markdown) and the report. A
     * control character would act on the terminal that prints it (ESC clears the screen), a newline
     * would split a table row: refused, with the first one named.
     */
    private static String oneLine(ConfigReader in, String key, String expected) {
        String text = in.string(key, expected);
        int at = TerminalText.firstActing(text);
        if (at >= 0) {
            in.problem(key, String.format(java.util.Locale.ROOT, "%s on one line, without control characters "
                    + "(U+%04X at character %d)", expected, text.codePointAt(at), text.codePointCount(0, at) + 1));
        }
        return text;
    }

    private static Instant instant(ConfigReader in, String key) {
        String text = in.string(key, "an ISO-8601 instant such as 2026-11-27T01:00:00Z");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            in.problem(key, "an ISO-8601 instant such as 2026-11-27T01:00:00Z");
            return Instant.EPOCH;
        }
    }

    private static List<Spike> spikes(ConfigReader in, Topology topology, Duration length) {
        List<Spike> out = new ArrayList<>();
        List<? extends Config> list = atMost(in, "drill.demand.spikes", "spikes");
        for (int i = 0; i < list.size(); i++) {
            ConfigReader e = in.element(list.get(i), "drill.demand.spikes[" + i + "]", SPIKE_KEYS);
            String location = list.get(i).hasPath("location") ? e.string("location", "a location id or \"\"") : "";
            if (!location.isEmpty() && !topology.contains(location)) {
                e.problem("location", "one of " + topology.ids() + " or \"\"");
            }
            int before = in.problems().size();
            Duration at = e.duration("at", Duration.ZERO, length.isNegative() ? Duration.ofDays(31) : length);
            Duration spikeLength = e.duration("length", Duration.ofSeconds(1), Duration.ofDays(31));
            if (in.problems().size() == before && at.plus(spikeLength).compareTo(length) > 0) {
                // As for a fault: the simulator would cut it short, and a typo in its length would pass unseen.
                e.problem("length", "a duration 1s.." + Durations.format(length.minus(at)) + ": the drill ends at "
                        + Durations.format(length));
            }
            out.add(new Spike(location, at, spikeLength, e.number("factor", 0, 100, "a multiplier 0..100")));
        }
        return out;
    }

    /**
     * The list at {@code key}, refused past {@link #MAX_ENTRIES}: every fault is a decision, an evacuation
     * and a fail-back to simulate four times over, and a generated file with 20,000 of them ran for hours.
     */
    static List<? extends Config> atMost(ConfigReader in, String key, String what) {
        List<? extends Config> list = in.configList(key);
        if (list.size() > MAX_ENTRIES) {
            in.problem(key, "at most " + MAX_ENTRIES + " " + what + " (found " + list.size() + ")");
            return List.of();
        }
        return list;
    }

    private static Route53Baseline baseline(ConfigReader in, Topology topology) {
        String b = "drill.baseline.";
        Map<String, String> secondaries = new HashMap<>();
        if (in.config().hasPath(b + "secondaries")) {
            for (String primary : in.config().getConfig(b + "secondaries").root().keySet()) {
                String secondary = in.string(b + "secondaries." + primary, "a location id");
                if (!topology.contains(primary) || !topology.contains(secondary) || primary.equals(secondary)) {
                    in.problem(b + "secondaries." + primary, "a location id other than " + primary + ", of "
                            + topology.ids());
                } else {
                    secondaries.put(primary, secondary);
                }
            }
        }
        return new Route53Baseline(in.duration(b + "interval", Duration.ofSeconds(1), Duration.ofMinutes(10)),
                in.integer(b + "failure-threshold", 1, 10), in.number(b + "healthy-fraction", 0, 1, "0..1"),
                in.integer(b + "checkers", 1, 64), secondaries,
                in.duration(b + "fast-interval", Duration.ofSeconds(1), Duration.ofMinutes(10)));
    }

    private static Objectives objectives(ConfigReader in) {
        String o = "drill.objectives.";
        Config c = in.config();
        return new Objectives(
                c.hasPath(o + "max-overload-seconds") ? in.number(o + "max-overload-seconds", 0, 1e9, ">= 0") : null,
                c.hasPath(o + "max-false-evacuations") ? in.integer(o + "max-false-evacuations", 0, 1000) : null,
                c.hasPath(o + "max-time-to-detect") ? seconds(in, o + "max-time-to-detect") : null,
                c.hasPath(o + "max-time-to-move-90") ? seconds(in, o + "max-time-to-move-90") : null,
                c.hasPath(o + "min-factor-vs-baseline") ? in.number(o + "min-factor-vs-baseline", 0, 1e9, ">= 0") : null,
                c.hasPath(o + "min-factor-vs-no-action") ? in.number(o + "min-factor-vs-no-action", 0, 1e9, ">= 0") : null,
                c.hasPath(o + "max-failed-fraction") ? in.number(o + "max-failed-fraction", 0, 1, "0..1") : null,
                c.hasPath(o + "max-shifts") ? in.integer(o + "max-shifts", 0, 100_000) : null,
                c.hasPath(o + "max-safety-alerts") ? in.integer(o + "max-safety-alerts", 0, 100_000) : null);
    }

    private static Double seconds(ConfigReader in, String key) {
        return in.duration(key, Duration.ZERO, DAY).toMillis() / 1000.0;
    }
}
