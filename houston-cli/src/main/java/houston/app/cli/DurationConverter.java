package houston.app.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import picocli.CommandLine;

import java.time.Duration;
import java.util.Map;

/**
 * Durations on the command line read as they do in the configuration ({@code 30s}, {@code 5m},
 * {@code 500ms}, {@code 1h}) and as ISO-8601 ({@code PT30S}): an operator who types the config's
 * spelling should not get a parse error. Negative durations are refused here, once for every option.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration parsed = parse(value.trim());
        if (parsed.isNegative()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is negative (expected: a duration such as 30s)");
        }
        return parsed;
    }

    private static Duration parse(String value) {
        if (value.regionMatches(true, 0, "PT", 0, 2) || value.regionMatches(true, 0, "P", 0, 1)
                && value.length() > 1 && Character.isDigit(value.charAt(1))) {
            try {
                return Duration.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw invalid(value);
            }
        }
        try {
            // typesafe-config's own duration syntax, so the CLI and the configuration files agree.
            return ConfigFactory.parseMap(Map.of("d", value)).getDuration("d");
        } catch (ConfigException e) {
            throw invalid(value);
        }
    }

    private static CommandLine.TypeConversionException invalid(String value) {
        return new CommandLine.TypeConversionException("'" + value
                + "' is not a duration (expected: e.g. 30s, 500ms, 5m, 1h or ISO-8601 PT30S)");
    }
}
