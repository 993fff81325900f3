package houston.app.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A daemon's {@code /v1/status} and {@code /v1/locations} as {@code houston status} prints them: the
 * daemon's situation in a few lines (plan, overrides, fail-static, DNS, vantages), then one line per
 * location. Values come from the daemon; a key it does not send (an older daemon) prints as "?".
 */
final class StatusText {

    private StatusText() {
    }

    /** @param rows the plan's rows ({@code /v1/plan}): catchment → location → share; null when not known */
    static void print(String base, JsonObject status, JsonArray locationList, JsonObject planRows, PrintWriter out) {
        // Everything below reads the escaped copies: no string from the API reaches the terminal raw.
        JsonObject s = ApiText.safe(status);
        JsonArray locations = ApiText.safe(locationList);
        JsonObject rows = ApiText.safe(planRows);
        out.printf(Locale.ROOT, "Houston at %s: tick %s at %s%n", ApiText.safe(base), s.getValue("tick", "?"),
                s.getValue("at", "?"));
        boolean cutOff = s.getValue("ha") instanceof JsonObject h && Replica.cutOff(h);
        if (s.getString("followerView") != null && !cutOff) {
            out.printf("  follower   %s%n", s.getString("followerView"));
        }
        if (s.getValue("ha") instanceof JsonObject ha) {
            out.printf("  HA         %s%n", Replica.line(ha));
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
            String id = l.getString("id");
            JsonObject row = rows == null || id == null ? null : rows.getJsonObject(id);
            List<String> flags = new ArrayList<>();
            String score = fraction(l.getValue("score"), "score", flags, "-");
            String planned = fraction(l.getValue("homeFraction"), "home share", flags, "?");
            String inDns = fraction(l.getValue("liveHomeFraction"), "live home share", flags, "?");
            if (row != null && row.containsKey(id) && Shares.valid(row) && planned.endsWith("%")) {
                planned = Shares.percents(row).get(id) + "%"; // the same rounding as the shares printed beside it
            }
            // Planned, not where users are: DNS holds another share, or (a follower) what it holds is not known here.
            boolean differ = !(l.getValue("liveHomeFraction") instanceof Number dns)
                    || !(l.getValue("homeFraction") instanceof Number plan && plan.doubleValue() == dns.doubleValue());
            out.printf(Locale.ROOT, "%-16s %-11s %6s  %-15s %s%s%s%s%s%n", id, l.getString("state"), score,
                    planned + " (" + inDns + ")", l.getString("since", "?"), away(row, id, differ, flags),
                    Boolean.TRUE.equals(l.getValue("heldOutByDataPlane")) ? "  held out by the DNS data plane" : "",
                    held(l), flags.isEmpty() ? "" : "  " + String.join("; ", flags));
        }
    }

    /**
     * Where the plan serves the catchment's users away from home, largest share first: "  users at
     * eu-west-2 100%"; "planned users at" while the weights DNS holds keep another share at home,
     * so the plan is not read as what DNS does.
     */
    private static String away(JsonObject row, String id, boolean planOnly, List<String> flags) {
        if (row == null) {
            return "";
        }
        if (!Shares.valid(row)) {
            flags.add("plan row out of range (expected: shares 0..1)");
            return "";
        }
        Map<String, Integer> percents = Shares.percents(row);
        List<String> away = new ArrayList<>(row.fieldNames());
        away.removeIf(to -> to.equals(id) || percents.get(to) == 0);
        away.sort((a, b) -> Double.compare(row.getDouble(b), row.getDouble(a)));
        return away.isEmpty() ? "" : (planOnly ? "  planned users at " : "  users at ") + String.join(", ", away.stream()
                .map(to -> to + " " + percents.get(to) + "%").toList());
    }

    /**
     * What held a bad location's evacuation back ({@code heldFor}), while it is still in place: a location
     * the safety limits left serving its users otherwise reads as plain "suspect".
     */
    private static String held(JsonObject l) {
        JsonArray heldFor = l.getValue("heldFor") instanceof JsonArray a ? a : null;
        boolean inPlace = "suspect".equals(l.getString("state")) || "healthy".equals(l.getString("state"));
        return heldFor == null || heldFor.isEmpty() || !inPlace ? ""
                : "  evacuation held: " + String.join(", ", strings(heldFor));
    }

    private static String dns(JsonObject fallback, JsonObject read) {
        List<String> parts = new ArrayList<>();
        if (fallback != null && fallback.containsKey("livePath") && fallback.getValue("livePath") == null) {
            // A follower: its adapters refuse every call, so it knows nothing of DNS but the configured mode.
            return "not known here (a follower: the leader's status says); fallback " + fallback.getString("mode", "?");
        }
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

    /**
     * A fraction the API gives as 0..1: a score to two places, a share in percent; {@code missing}
     * when absent. Out of range it is not a fact to print: "?" and a note naming the value.
     */
    private static String fraction(Object value, String what, List<String> flags, String missing) {
        if (!(value instanceof Number n)) {
            return missing;
        }
        double v = n.doubleValue();
        if (!(v >= 0 && v <= 1)) {
            flags.add(what + " " + value + " out of range (expected: 0..1)");
            return "?";
        }
        return what.equals("score") ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }
}
