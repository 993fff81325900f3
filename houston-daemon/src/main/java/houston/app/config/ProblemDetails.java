package houston.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;

import java.util.List;

/**
 * What a problem line tells of a key besides what was expected: its value as shown, and where it is
 * written or, missing, where to add it. Never throws: a value or place that cannot be read is told as
 * {@code missing} or left out.
 */
final class ProblemDetails {

    /** The most characters of a value a problem line shows. */
    static final int SHOWN = 160;

    private final Config config;

    ProblemDetails(Config config) {
        this.config = config;
    }

    String valueOf(String key) {
        try {
            ConfigValue v = config.getValue(key);
            if (v.valueType() == com.typesafe.config.ConfigValueType.STRING && String.valueOf(v.unwrapped()).isEmpty()) {
                return "\"\"";
            }
            return shown(v.valueType() == com.typesafe.config.ConfigValueType.STRING ? String.valueOf(v.unwrapped())
                    : v.render(com.typesafe.config.ConfigRenderOptions.concise()));
        } catch (RuntimeException e) {
            return "missing";
        }
    }

    /**
     * A value as a problem line shows it: one line, every character a terminal would act on escaped
     * ({@code \u001b}), and a list of a thousand faults shown by its start and its size, not a page.
     */
    static String shown(String value) {
        int count = value.codePointCount(0, value.length());
        if (count <= SHOWN) {
            return TerminalText.escaped(value);
        }
        return TerminalText.escaped(value.substring(0, value.offsetByCodePoints(0, SHOWN))) + "… (" + count
                + " characters)";
    }

    String originOf(String key) {
        try {
            return describe(config.getValue(key).origin());
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Where the object that lacks {@code key} is written: the place to add it. */
    String originOfParent(String key) {
        List<String> path = com.typesafe.config.ConfigUtil.splitPath(key);
        for (int n = path.size() - 1; n > 0; n--) {
            String parent = com.typesafe.config.ConfigUtil.joinPath(path.subList(0, n));
            if (config.hasPath(parent)) {
                return originOf(parent);
            }
        }
        // A reader of one object (a list entry): the object itself is the place.
        return config.root().isEmpty() ? "" : describe(config.root().origin());
    }

    static String describe(ConfigOrigin origin) {
        String where = origin.filename() != null ? origin.filename()
                : origin.resource() != null ? "built-in " + origin.resource() : origin.description();
        return origin.lineNumber() > 0 ? where + ":" + origin.lineNumber() : where;
    }
}
