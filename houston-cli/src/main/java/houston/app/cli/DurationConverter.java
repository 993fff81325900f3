package houston.app.cli;

import picocli.CommandLine;

import java.time.Duration;

/**
 * Durations on the command line read as they do in the configuration ({@code 30s}, {@code 5m},
 * {@code 500ms}, {@code 1h30m}) and as ISO-8601 ({@code PT30S}), by {@link houston.app.config.Durations}: an
 * operator who types the config's spelling should not get a parse error. Negative durations are refused here, once for every option.
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
        try {
            return houston.app.config.Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(value);
        }
    }

    private static CommandLine.TypeConversionException invalid(String value) {
        return new CommandLine.TypeConversionException("'" + value
                + "' is not a duration (expected: e.g. 30s, 500ms, 5m, 1h30m or ISO-8601 PT30S)");
    }
}
