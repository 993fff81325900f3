package houston.slack.commands;

import houston.core.engine.PinTarget;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code /houston} text. Pure: the same words always give the same command.
 * <pre>
 * status · weights · help · explain LOC · drill SCENARIO
 * evacuate LOC [for DURATION] [reason…] · restore LOC · freeze [for DURATION] [reason…] · unfreeze
 * pin LOC healthy|evacuated [for DURATION] [reason…]
 * </pre>
 * Durations: 90s, 30m, 2h, 1h30m, 1d (at most 7 days).
 */
public final class CommandParser {

    public static final String USAGE = String.join("\n",
            "/houston status — every location's state and score",
            "/houston explain LOC — the evidence behind LOC's state",
            "/houston weights — the live DNS weights",
            "/houston evacuate LOC [for 30m] [reason] — move LOC's traffic away (asks to confirm)",
            "/houston restore LOC — bring LOC back, in steps (asks to confirm)",
            "/houston freeze [for 1h] [reason] — stop automatic moves (asks to confirm)",
            "/houston unfreeze — let automation act again (asks to confirm)",
            "/houston pin LOC healthy|evacuated [for 2h] [reason] — keep LOC where it is (asks to confirm)",
            "/houston drill SCENARIO — run a failover drill in the simulator and post its report",
            "/houston help — this");

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Duration MAX = Duration.ofDays(7);

    private final Set<String> locations;

    /**
     * A reason is a note carried into every message of the incident; escaped for Slack it must still fit the
     * confirmation's 3,000-character section, and the journal and Slack thread repeat it.
     */
    static final int MAX_REASON = 500;

    public CommandParser(Set<String> locations) {
        this.locations = Set.copyOf(locations);
    }

    public ParsedCommand parse(String text) {
        String[] words = text == null ? new String[0] : text.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return new ParsedCommand.ReadOnly("help", null);
        }
        String verb = words[0].toLowerCase(Locale.ROOT);
        String[] rest = Arrays.copyOfRange(words, 1, words.length);
        return switch (verb) {
            case "status", "weights", "help" -> rest.length == 0 ? new ParsedCommand.ReadOnly(verb, null)
                    : invalid(verb + " takes no arguments");
            case "explain" -> rest.length == 1 ? location(rest[0], l -> new ParsedCommand.ReadOnly("explain", l))
                    : invalid("usage: explain LOC");
            case "drill" -> rest.length == 1 && rest[0].matches("[A-Za-z0-9_.-]{1,64}")
                    ? new ParsedCommand.ReadOnly("drill", rest[0]) : invalid("usage: drill SCENARIO");
            case "evacuate" -> rest.length >= 1 ? location(rest[0], l -> withDuration("evacuate", l, null, rest, 1))
                    : invalid("usage: evacuate LOC [for DURATION] [reason]");
            case "restore" -> rest.length == 1 ? location(rest[0], l -> new ParsedCommand.Mutation("restore", l, null,
                    null, null)) : invalid("usage: restore LOC");
            case "freeze" -> withDuration("freeze", null, null, rest, 0);
            case "unfreeze" -> rest.length == 0 ? new ParsedCommand.Mutation("unfreeze", null, null, null, null)
                    : invalid("unfreeze takes no arguments");
            case "pin" -> pin(rest);
            default -> invalid("unknown command '" + verb + "'. Try /houston help");
        };
    }

    private ParsedCommand pin(String[] rest) {
        if (rest.length < 2) {
            return invalid("usage: pin LOC healthy|evacuated [for DURATION] [reason]");
        }
        PinTarget target;
        try {
            target = PinTarget.valueOf(rest[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return invalid("pin target '" + rest[1] + "' (expected: healthy or evacuated)");
        }
        return location(rest[0], l -> withDuration("pin", l, target, rest, 2));
    }

    private ParsedCommand withDuration(String verb, String location, PinTarget target, String[] rest, int from) {
        Duration duration = null;
        int i = from;
        if (rest.length > i + 1 && rest[i].equalsIgnoreCase("for")) {
            duration = duration(rest[i + 1]);
            if (duration == null) {
                return invalid("duration '" + rest[i + 1] + "' (expected: like 90s, 30m, 2h, 1h30m, 1d; at most 7d)");
            }
            i += 2;
        }
        String reason = String.join(" ", Arrays.copyOfRange(rest, i, rest.length));
        if (reason.length() > MAX_REASON) {
            return invalid("reason: " + reason.length() + " characters (expected: at most " + MAX_REASON
                    + "; link to a document for more)");
        }
        return new ParsedCommand.Mutation(verb, location, target, duration, reason.isBlank() ? null : reason);
    }

    private ParsedCommand location(String id, java.util.function.Function<String, ParsedCommand> then) {
        return locations.contains(id) ? then.apply(id) : invalid("unknown location '" + id + "' (known: "
                + String.join(", ", new java.util.TreeSet<>(locations)) + ")");
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (text.isEmpty() || !m.matches()) {
            return null;
        }
        Duration d = Duration.ZERO;
        long[] unit = {86_400, 3_600, 60, 1};
        for (int g = 1; g <= 4; g++) {
            if (m.group(g) != null) {
                d = d.plusSeconds(Long.parseLong(m.group(g)) * unit[g - 1]);
            }
        }
        return d.isZero() || d.compareTo(MAX) > 0 ? null : d;
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        StringBuilder out = new StringBuilder();
        if (s >= 86_400) {
            out.append(s / 86_400).append('d');
            s %= 86_400;
        }
        if (s >= 3_600) {
            out.append(s / 3_600).append('h');
            s %= 3_600;
        }
        if (s >= 60) {
            out.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0) {
            out.append(s).append('s');
        }
        return out.toString();
    }

    private static ParsedCommand invalid(String message) {
        return new ParsedCommand.Invalid(message);
    }
}
