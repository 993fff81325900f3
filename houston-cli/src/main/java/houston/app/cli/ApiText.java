package houston.app.cli;

import houston.app.config.TerminalText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Text read from an API on its way to a terminal. Whatever answers at {@code --url} chooses its
 * strings, and a location id like {@code ESC[2J} would clear the operator's screen, a state with
 * {@code \r\n} would forge an extra row, an OSC sequence would retitle the window. Every character
 * a terminal would act on or that reorders text (C0/C1 controls, bidi overrides, line and paragraph
 * separators) is shown as a visible escape such as {@code \u001b}, newlines included: a value is
 * one line.
 */
final class ApiText {

    private ApiText() {
    }

    /** {@code text} safe to print as one line; null stays null. */
    static String safe(String text) {
        return text == null ? null : TerminalText.escaped(text);
    }

    /** A copy of {@code json} with every key and string made {@link #safe}: nothing read from it can reach the terminal raw. */
    static JsonObject safe(JsonObject json) {
        if (json == null) {
            return null;
        }
        JsonObject out = new JsonObject();
        json.forEach(e -> out.put(safe(e.getKey()), safeValue(e.getValue())));
        return out;
    }

    static JsonArray safe(JsonArray json) {
        if (json == null) {
            return null;
        }
        JsonArray out = new JsonArray();
        json.forEach(v -> out.add(safeValue(v)));
        return out;
    }

    private static Object safeValue(Object v) {
        if (v instanceof String s) {
            return safe(s);
        }
        if (v instanceof JsonObject o) {
            return safe(o);
        }
        if (v instanceof JsonArray a) {
            return safe(a);
        }
        return v;
    }
}
