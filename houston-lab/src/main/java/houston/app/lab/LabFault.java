package houston.app.lab;

import java.util.Locale;

/**
 * What is wrong with a lab location (or vantage) right now.
 *
 * @param kind    none, outage, brownout, latency, flap (locations), partition (vantages), down or up (the DNS API)
 * @param amount  brownout: percent of requests failing; latency: added milliseconds
 */
public record LabFault(String kind, int amount) {

    public static final LabFault NONE = new LabFault("none", 0);

    /** Parses {@code outage | brownout PCT | latency MS | flap | clear | partition} given as words. */
    public static LabFault parse(java.util.List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("which fault? (expected: outage, brownout PCT, latency MS, flap, clear; "
                    + "partition or clear for a vantage)");
        }
        String k = words.get(0).toLowerCase(Locale.ROOT);
        int expected = k.equals("brownout") || k.equals("latency") ? 2 : 1;
        if (words.size() > expected) {
            throw new IllegalArgumentException("unexpected '" + String.join(" ", words.subList(expected, words.size()))
                    + "' after '" + String.join(" ", words.subList(0, expected)) + "' (expected: nothing more)");
        }
        return parse(words.get(0), words.size() > 1 ? words.get(1) : null);
    }

    /** Parses {@code outage | brownout PCT | latency MS | flap | clear | partition}. */
    public static LabFault parse(String kind, String amount) {
        String k = kind.toLowerCase(Locale.ROOT);
        return switch (k) {
            case "clear", "none" -> NONE;
            case "outage", "flap", "partition", "down", "up" -> new LabFault(k, 0);
            case "brownout" -> new LabFault(k, bounded(amount, 1, 100, "brownout PCT (1..100)"));
            case "latency" -> new LabFault(k, bounded(amount, 1, 60_000, "latency MS (1..60000)"));
            default -> throw new IllegalArgumentException("unknown fault '" + kind
                    + "' (expected: outage, brownout PCT, latency MS, flap, clear; partition for a vantage; down or up for dns-api)");
        };
    }

    private static int bounded(String value, int min, int max, String expected) {
        if (value == null) {
            throw new IllegalArgumentException("a number is missing (expected: " + expected + ")");
        }
        try {
            int v = Integer.parseInt(value == null ? "" : value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new IllegalArgumentException(value + " (expected: " + expected + ")");
    }

    @Override
    public String toString() {
        return amount == 0 ? kind : kind + " " + amount;
    }
}
