package houston.app.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way Houston reads a duration, in configuration files, drill files and on the command
 * line: typesafe-config's spelling ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2 hours}), a
 * compound of those ({@code 31m30s}, {@code 1h30m}: nobody should have to write {@code 1890s}),
 * or ISO-8601 ({@code PT30S}).
 */
public final class Durations {

    /** What a human is told a duration looks like. */
    public static final String EXPECTED = "a duration such as 500ms, 2s, 5m or 1h30m";

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");
    private static final Pattern COMPOUND = Pattern.compile("(\\d+(ms|d|h|m|s)){2,}");

    private Durations() {
    }

    /** Parses {@code text}; IllegalArgumentException when it is not a duration. */
    public static Duration parse(String text) {
        String value = text.trim();
        if (value.regionMatches(true, 0, "P", 0, 1) && value.length() > 1
                && (Character.isDigit(value.charAt(1)) || Character.toUpperCase(value.charAt(1)) == 'T')) {
            try {
                return Duration.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration", e);
            }
        }
        if (COMPOUND.matcher(value).matches()) {
            Duration sum = Duration.ZERO;
            Matcher part = PART.matcher(value);
            while (part.find()) {
                sum = sum.plus(single(part.group(1) + part.group(2)));
            }
            return sum;
        }
        return single(value);
    }

    private static Duration single(String value) {
        try {
            return ConfigFactory.parseMap(Map.of("d", value)).getDuration("d");
        } catch (ConfigException e) {
            throw new IllegalArgumentException("'" + value + "' is not a duration", e);
        }
    }

    /** {@code d} as a drill file would spell it: 6m, 31m30s, 1h30m, 500ms. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long[] amounts = {d.toDaysPart(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart(), d.toMillisPart()};
        String[] units = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] != 0) {
                out.append(amounts[i]).append(units[i]);
            }
        }
        return out.toString();
    }
}
