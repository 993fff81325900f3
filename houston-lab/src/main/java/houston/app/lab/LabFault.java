package houston.app.lab;

import houston.slack.notify.ConsoleText;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What is wrong with a lab location (or vantage) right now.
 *
 * @param kind    none, outage, brownout, latency, flap (locations), partition (vantages), down or up (the DNS API)
 * @param amount  brownout: percent of requests failing; latency: added milliseconds
 */
public record LabFault(String kind, int amount) {

    public static final LabFault NONE = new LabFault("none", 0);

    private static final String KINDS =
            "outage, brownout PCT, latency MS, flap, clear; partition for a vantage; down or up for dns-api";
    /** What an amount of a fault is: its unit and its largest value (the smallest is 1). */
    private record Amount(String unit, int max) {
    }

    /** The faults that take an amount. */
    private static final Map<String, Amount> AMOUNTS = Map.of("brownout", new Amount("PCT", 100),
            "latency", new Amount("MS", 60_000));
    /** ASCII digits only: Integer.parseInt also reads full-width and other scripts' digits, and a sign. */
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");
    private static final int SHOWN = 40;

    /** Parses {@code outage | brownout PCT | latency MS | flap | clear | partition} given as words. */
    public static LabFault parse(java.util.List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("which fault? (expected: outage, brownout PCT, latency MS, flap, clear; "
                    + "partition or clear for a vantage)");
        }
        String k = words.get(0).toLowerCase(Locale.ROOT);
        int expected = AMOUNTS.containsKey(k) ? 2 : 1;
        if (words.size() > expected) {
            throw new IllegalArgumentException("unexpected " + quoted(String.join(" ", words.subList(expected, words.size())))
                    + " after " + quoted(String.join(" ", words.subList(0, expected))) + " (expected: nothing more)");
        }
        return parse(words.get(0), words.size() > 1 ? words.get(1) : null);
    }

    /** Parses a fault's kind and its amount as written (null when none was given). */
    public static LabFault parse(String kind, String amount) {
        String k = known(kind);
        Amount taken = AMOUNTS.get(k);
        if (taken == null) {
            if (amount != null && !amount.equals("0")) {
                throw new IllegalArgumentException("amount: " + quoted(amount) + " " + takesNone(k));
            }
            return k.equals("clear") || k.equals("none") ? NONE : new LabFault(k, 0);
        }
        if (amount == null) {
            throw new IllegalArgumentException("a number is missing (expected: " + expected(k) + ")");
        }
        if (WHOLE.matcher(amount).matches()) {
            int v = Integer.parseInt(amount);
            if (v >= 1 && v <= taken.max()) {
                return new LabFault(k, v);
            }
        }
        throw new IllegalArgumentException("amount: " + quoted(amount) + " (expected: " + expected(k) + ")");
    }

    /** The kind in lower case; refused by name when the lab has no such fault. */
    static String known(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        return switch (k) {
            case "clear", "none", "outage", "flap", "partition", "down", "up", "brownout", "latency" -> k;
            default -> throw new IllegalArgumentException("unknown fault " + quoted(kind) + " (expected: " + KINDS + ")");
        };
    }

    /** What an amount of this (known) fault must be: {@code (expected: …)}. */
    static String amountExpected(String kind) {
        String k = known(kind);
        return AMOUNTS.containsKey(k) ? "(expected: a whole number, " + expected(k) + ")" : takesNone(k);
    }

    /** "brownout PCT (1..100)": the amount of a fault that takes one. */
    private static String expected(String k) {
        Amount a = AMOUNTS.get(k);
        return k + " " + a.unit() + " (1.." + a.max() + ")";
    }

    private static String takesNone(String k) {
        return "(expected: none for " + k + "; brownout takes PCT, latency MS)";
    }

    /**
     * Text a person sent, echoed in an error, quoted: control characters as visible escapes (ANSI
     * sequences cannot recolour or clear a terminal), and at most 40 characters of it, with its length.
     */
    public static String quoted(String text) {
        return clipped(text, "'");
    }

    /** Like {@link #quoted}, between the given marks ({@code "} for a JSON string, nothing for a number). */
    static String clipped(String text, String mark) {
        int length = text.codePointCount(0, text.length());
        if (length <= SHOWN) {
            return mark + ConsoleText.line(text) + mark;
        }
        return mark + ConsoleText.line(text.substring(0, text.offsetByCodePoints(0, SHOWN))) + "…" + mark
                + " (" + length + " characters)";
    }

    @Override
    public String toString() {
        return amount == 0 ? kind : kind + " " + amount;
    }
}
