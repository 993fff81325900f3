package houston.slack.notify;

/**
 * Text that came from a person, on its way to a terminal: control characters (newlines, ESC of
 * ANSI sequences, backspaces) are shown as escapes, so a reason cannot start a forged log line,
 * recolour or clear the operator's screen.
 */
public final class ConsoleText {

    private ConsoleText() {
    }

    /** One line: every control character, newlines included, as a visible escape ({@code \n}, {@code \u001b}). */
    public static String line(String text) {
        return escaped(text, false);
    }

    /** Lines as written: newlines and tabs kept, every other control character as a visible escape. */
    public static String lines(String text) {
        return escaped(text, true);
    }

    private static String escaped(String text, boolean keepLines) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (keepLines && (c == '\n' || c == '\t')) {
                out.appendCodePoint(c);
                return;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
