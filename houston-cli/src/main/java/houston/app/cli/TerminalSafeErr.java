package houston.app.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The commands' error stream: text printed to it often quotes what a user typed ("unknown location
 * '…'"), and a typed ESC or BEL went to the terminal raw, where it could clear the screen or retitle
 * the window. Control characters in printed text are shown as escapes ({@code \u001b}, {@code \r});
 * newlines and tabs are kept, so messages that span lines on purpose still do.
 */
final class TerminalSafeErr extends PrintWriter {

    TerminalSafeErr(Writer out) {
        super(out, true);
    }

    @Override
    public void print(String s) {
        super.print(houston.slack.notify.ConsoleText.lines(s));
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }
}
