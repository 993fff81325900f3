package houston.app.config;

/**
 * Which characters a terminal acts on rather than shows, or that change how the rest of a line
 * reads: C0 and C1 controls (ESC clears a screen, BEL rings, CR rewrites a row), format characters
 * such as bidi overrides, and line and paragraph separators. Text Houston prints that came from
 * elsewhere (an API's answer, a drill file's name) is checked against them here, in one place.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** True for a code point a terminal would act on or that reorders the text around it. */
    public static boolean acts(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    /** The index of the first character of {@code text} that {@link #acts}, or -1 when it is plain one-line text. */
    public static int firstActing(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (acts(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /**
     * {@code text} as one line that acts on no terminal: newline, return and tab as {@code \n},
     * {@code \r}, {@code \t}, every other character that {@link #acts} as {@code \u001b} and the like.
     */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (acts(c)) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
