package houston.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.Missing;
import com.typesafe.config.ConfigException.WrongType;
import com.typesafe.config.ConfigException.BadValue;
import com.typesafe.config.ConfigValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Typed, range-checked reads from a HOCON tree that collect problems instead of throwing, so
 * {@code validate} can list every mistake at once. Each read returns a usable fallback after
 * recording a problem, letting later checks run.
 */
final class ConfigReader {

    private final Config config;
    private final ProblemDetails details;
    private final List<ConfigProblem> problems;
    private final String prefix;
    private final boolean readSecrets;

    ConfigReader(Config config, List<ConfigProblem> problems, boolean readSecrets) {
        this(config, problems, "", readSecrets);
    }

    private ConfigReader(Config config, List<ConfigProblem> problems, String prefix, boolean readSecrets) {
        this.config = config;
        this.details = new ProblemDetails(config);
        this.problems = problems;
        this.prefix = prefix;
        this.readSecrets = readSecrets;
    }

    /**
     * A file holding a secret ({@code ""}: off) of at least {@code minBytes} (surrounding whitespace
     * aside, as the daemon reads it). It must be readable, unless secrets are not read:
     * {@code validate --skip-secrets} checks a configuration away from the host its secrets live on.
     */
    java.nio.file.Path secretFile(String key, String what, int minBytes) {
        String value = string(key, "a file path, or \"\"");
        if (value.isBlank()) {
            return null;
        }
        java.nio.file.Path path = java.nio.file.Path.of(value);
        if (!readSecrets) {
            return path;
        }
        String expected = "a readable file holding " + what + (minBytes > 1 ? ", at least " + minBytes + " bytes" : ", not empty");
        if (!java.nio.file.Files.isRegularFile(path) || !java.nio.file.Files.isReadable(path)) {
            problem(key, expected);
            return path;
        }
        try {
            int held = new String(java.nio.file.Files.readAllBytes(path), java.nio.charset.StandardCharsets.UTF_8).strip()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (held < minBytes) {
                problem(key, expected + "; this one holds " + held);
            }
        } catch (java.io.IOException e) {
            problem(key, expected);
        }
        return path;
    }

    /** A directory, or a path where one can be created (not a file). */
    java.nio.file.Path directory(String key) {
        java.nio.file.Path path = java.nio.file.Path.of(string(key, "a directory"));
        if (java.nio.file.Files.exists(path) && !java.nio.file.Files.isDirectory(path)) {
            problem(key, "a directory, or a path where one can be created");
        }
        return path;
    }

    /** The objects of a list, or an empty list (and a problem) when it is not a list of objects. */
    List<? extends Config> configList(String key) {
        return read(key, () -> config.getConfigList(key), "a list of objects { ... }", List.of());
    }

    /**
     * A reader for one element of a list, reporting its keys as {@code where.key}; fields not in
     * {@code allowed} are reported as unknown.
     */
    ConfigReader element(Config element, String where, java.util.Set<String> allowed) {
        ConfigReader child = new ConfigReader(element, problems, where + ".", readSecrets);
        for (String key : new java.util.TreeSet<>(element.root().keySet())) {
            if (!allowed.contains(key)) {
                problems.add(new ConfigProblem(where + "." + key, "unknown key", "one of " + new java.util.TreeSet<>(allowed),
                        child.details.originOf(key)));
            }
        }
        return child;
    }

    Config config() {
        return config;
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    Duration duration(String key, Duration min, Duration max) {
        Duration d = read(key, () -> {
            ConfigValue v = config.getValue(key);
            if (v.valueType() != com.typesafe.config.ConfigValueType.STRING) {
                return config.getDuration(key);
            }
            try {
                return Durations.parse(String.valueOf(v.unwrapped()));
            } catch (IllegalArgumentException e) {
                throw new BadValue(v.origin(), key, e.getMessage());
            }
        }, Durations.EXPECTED, Duration.ZERO);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            problem(key, "a duration " + human(min) + ".." + human(max));
        }
        return d;
    }

    int integer(String key, int min, int max) {
        return integer(key, min, max, min + ".." + max);
    }

    /** A whole number in min..max; out of range, {@code expected} says what bounds it and why. */
    int integer(String key, int min, int max, String expected) {
        int v = read(key, () -> {
            // getInt truncates 2.9 to 2: a typo'd quorum or safety limit would silently weaken.
            double d = config.getDouble(key);
            if (d != Math.rint(d)) {
                throw new BadValue(config.getValue(key).origin(), key, "a fraction");
            }
            return config.getInt(key);
        }, "a whole number", min);
        if (v < min || v > max) {
            problem(key, expected);
        }
        return v;
    }

    double number(String key, double min, double max, String expected) {
        double v = read(key, () -> config.getDouble(key), "a number", min);
        if (!(v >= min && v <= max)) {
            problem(key, expected);
        }
        return v;
    }

    long bytes(String key, long min, long max) {
        long v = read(key, () -> config.getBytes(key), "a size such as 64KiB", min);
        if (v < min || v > max) {
            problem(key, min + ".." + max + " bytes");
        }
        return v;
    }

    boolean bool(String key) {
        return read(key, () -> config.getBoolean(key), "true or false", false);
    }

    String string(String key, String expected) {
        return read(key, () -> config.getString(key), expected, "");
    }

    List<String> strings(String key) {
        return read(key, () -> config.getStringList(key), "a list of strings", List.of());
    }

    List<Double> numbers(String key) {
        return read(key, () -> new ArrayList<>(config.getDoubleList(key)), "a list of numbers", List.of());
    }

    /** Records a problem with the current value of {@code key}. */
    void problem(String key, String expected) {
        String where = details.originOf(key);
        add(new ConfigProblem(prefix + key, details.valueOf(key), expected, where.isEmpty() ? details.originOfParent(key)
                : where));
    }

    /** Records a problem with one entry of the list at {@code key}: the entry named, not the whole list. */
    void problemIn(String key, String entry, String expected) {
        add(new ConfigProblem(prefix + key, "\"" + entry + "\"", expected, details.originOf(key)));
    }

    /**
     * One problem per key: a value already reported (missing, or of the wrong type) also fails the checks
     * that follow on it, and listing those would say the same thing twice.
     */
    private void add(ConfigProblem problem) {
        if (problems.stream().noneMatch(p -> p.key().equals(problem.key()))) {
            problems.add(problem);
        }
    }

    private <T> T read(String key, Supplier<T> reader, String expected, T fallback) {
        try {
            return reader.get();
        } catch (Missing e) {
            add(new ConfigProblem(prefix + key, "missing", expected, details.originOfParent(key)));
        } catch (WrongType | BadValue e) {
            problem(key, expected);
        }
        return fallback;
    }

    /** True when {@code key}'s value comes from Houston's own defaults, not from the user's file. */
    boolean builtIn(String key) {
        try {
            return config.getValue(key).origin().resource() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String human(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        if (d.toSeconds() < 120) {
            return d.toSeconds() + "s";
        }
        return d.toSeconds() < 7200 ? d.toMinutes() + "m" : d.toHours() + "h";
    }
}
