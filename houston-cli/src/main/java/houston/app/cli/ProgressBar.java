package houston.app.cli;

import java.io.PrintWriter;

/** A one-line progress bar on stderr for long runs, redrawn in place and only when it moves. */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintWriter err;
    private final boolean enabled;
    private int drawn = -1;

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** {@code fraction} done, 0..1. */
    void update(double fraction) {
        if (!enabled) {
            return;
        }
        int cells = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        if (cells != drawn) {
            drawn = cells;
            err.print("\r[" + "#".repeat(cells) + " ".repeat(WIDTH - cells) + "] "
                    + Math.round(fraction * 100) + "%");
            err.flush();
        }
    }

    void done() {
        if (enabled && drawn >= 0) {
            err.print("\r" + " ".repeat(WIDTH + 8) + "\r");
            err.flush();
        }
    }
}
