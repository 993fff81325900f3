package houston.app.cli;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan row's fractions as whole percents that add up to 100: rounded one by one, three thirds
 * of 33.5/33.5/33 printed as 34% + 34% + 33% = 101%, which reads as a bug in the plan. Largest
 * remainder: every share is floored, and the points left go to the largest remainders.
 */
final class Shares {

    private Shares() {
    }

    /** Whether every value of the row is a number in 0..1; a row that is not is flagged, not printed. */
    static boolean valid(JsonObject row) {
        for (String to : row.fieldNames()) {
            if (!(row.getValue(to) instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
                return false;
            }
        }
        return true;
    }

    /** The row's shares in percent, in the row's order; the row must be {@link #valid}. */
    static Map<String, Integer> percents(JsonObject row) {
        List<String> keys = new ArrayList<>(row.fieldNames());
        double total = 0;
        for (String k : keys) {
            total += ((Number) row.getValue(k)).doubleValue();
        }
        // A row the planner normalised sums to 1; one that does not (an older daemon's rounding) keeps its own total.
        long points = Math.round(total * 100);
        Map<String, Integer> out = new LinkedHashMap<>();
        List<String> byRemainder = new ArrayList<>(keys);
        long given = 0;
        for (String k : keys) {
            int floor = (int) Math.floor(((Number) row.getValue(k)).doubleValue() * 100 + 1e-9);
            out.put(k, floor);
            given += floor;
        }
        byRemainder.sort((a, b) -> Double.compare(remainder(row, b), remainder(row, a)));
        for (int i = 0; given < points && i < byRemainder.size(); i++, given++) {
            out.merge(byRemainder.get(i), 1, Integer::sum);
        }
        return out;
    }

    private static double remainder(JsonObject row, String k) {
        double p = ((Number) row.getValue(k)).doubleValue() * 100;
        return p - Math.floor(p + 1e-9);
    }
}
