package houston.app.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A daemon's {@code /v1/status} and {@code /v1/locations} as {@code houston status} prints them: the
 * daemon's situation in a few lines (plan, overrides, fail-static, DNS, vantages), then one line per
 * location. Values come from the daemon; a key it does not send (an older daemon) prints as "?".
 */
final class StatusText {

    private StatusText() {
    }

    /** @param rows the plan's rows ({@code /v1/plan}): catchment → location → share; null when not known */
    static void print(String base, JsonObject s, JsonArray locations, JsonObject rows, PrintWriter out) {
        out.printf(Locale.ROOT, "Houston at %s: tick %s at %s%n", base, s.getValue("tick", "?"), s.getValue("at", "?"));
        if (s.getString("followerView") != null) {
            out.printf("  follower   %s%n", s.getString("followerView"));
        }
        Object live = s.getValue("liveGeneration");
        out.printf(Locale.ROOT, "  plan       generation %s, live in DNS: %s%n", s.getValue("planGeneration", "?"),
                live == null ? "not known here" : live);
        out.printf("  safety     fail-static: %s; frozen: %s; pins: %s%n", yes(s.getValue("failStatic")),
                s.getString("frozenUntil") == null ? "no" : "until " + s.getString("frozenUntil"), pins(s.getJsonObject("pins")));
        out.printf("  DNS        %s%n", dns(s.getJsonObject("fallback"), s.getJsonObject("dns")));
        JsonArray suspect = s.getJsonArray("suspectVantages");
        out.printf("  vantages   %s%n", suspect == null || suspect.isEmpty() ? "none suspect" : "suspect (discounted): "
                + String.join(", ", strings(suspect)));
        out.println();
        out.printf(Locale.ROOT, "%-16s %-11s %6s  %-15s %s%n", "location", "state", "score", "home (live)", "since");
        for (int i = 0; i < locations.size(); i++) {
            JsonObject l = locations.getJsonObject(i);
            Object score = l.getValue("score");
            String home = percent(l.getValue("homeFraction")) + " (" + percent(l.getValue("liveHomeFraction")) + ")";
            out.printf(Locale.ROOT, "%-16s %-11s %6s  %-15s %s%s%s%n", l.getString("id"), l.getString("state"),
                    score instanceof Number n ? String.format(Locale.ROOT, "%.2f", n.doubleValue()) : "-", home,
                    l.getString("since", "?"), away(rows, l.getString("id")),
                    Boolean.TRUE.equals(l.getValue("heldOutByDataPlane")) ? "  held out by the DNS data plane" : "");
        }
    }

    /** Where the plan serves the catchment's users away from home, largest share first: "  users at eu-west-2 100%". */
    private static String away(JsonObject rows, String id) {
        JsonObject row = rows == null ? null : rows.getJsonObject(id);
        if (row == null) {
            return "";
        }
        List<String> away = new ArrayList<>(row.fieldNames());
        away.removeIf(to -> to.equals(id) || !(row.getValue(to) instanceof Number n) || n.doubleValue() < 0.005);
        away.sort((a, b) -> Double.compare(row.getDouble(b), row.getDouble(a)));
        return away.isEmpty() ? "" : "  users at " + String.join(", ", away.stream()
                .map(to -> to + " " + percent(row.getValue(to))).toList());
    }

    private static String dns(JsonObject fallback, JsonObject read) {
        List<String> parts = new ArrayList<>();
        if (read != null && Boolean.FALSE.equals(read.getValue("read"))) {
            parts.add("cannot be read since " + read.getString("unreadSince") + " (" + read.getString("detail") + ")");
        }
        if (fallback != null) {
            parts.add("live path: " + fallback.getString("livePath", "?"));
            JsonArray engaged = fallback.getJsonArray("engaged");
            if (engaged != null && !engaged.isEmpty()) {
                parts.add("data plane holds out " + String.join(", ", strings(engaged)));
            }
            if (fallback.getString("apiFailingSince") != null) {
                parts.add("API failing since " + fallback.getString("apiFailingSince"));
            }
            parts.add("fallback " + fallback.getString("mode", "?"));
        }
        return parts.isEmpty() ? "?" : String.join("; ", parts);
    }

    private static String pins(JsonObject pins) {
        if (pins == null || pins.isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        pins.forEach(e -> {
            JsonObject p = (JsonObject) e.getValue();
            out.add(e.getKey() + " " + p.getString("target")
                    + (p.getString("until") == null ? "" : " until " + p.getString("until"))
                    + (p.getString("by") == null ? "" : " by " + p.getString("by")));
        });
        return String.join(", ", out);
    }

    private static String yes(Object flag) {
        return Boolean.TRUE.equals(flag) ? "YES" : Boolean.FALSE.equals(flag) ? "no" : "?";
    }

    private static String percent(Object fraction) {
        return fraction instanceof Number n ? String.format(Locale.ROOT, "%.0f%%", n.doubleValue() * 100) : "?";
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }
}
