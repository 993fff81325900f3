package houston.slack.notify;

import houston.core.engine.Action.Alert;
import houston.core.engine.Action.Notify;
import houston.core.engine.Decision;
import houston.core.engine.Explanation;
import houston.core.port.Notifier;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Without a Slack token: the same decisions as plain text for a terminal. Each message is stamped
 * with its own time and starts with its location; the per-vantage scores are printed with the
 * first message of an incident only (Slack repeats them because each message is read alone, a
 * console is read top to bottom).
 */
public final class ConsoleNotifier implements Notifier {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String INDENT = "          ";
    /** Incidents whose scores were printed; bounded, the oldest forgotten first. */
    private static final int REMEMBERED = 1000;

    private final PrintStream out;
    private final Clock clock;
    private final Set<String> scored = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** @param clock stamps alerts that carry no decision (and so no time of their own) */
    public ConsoleNotifier(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public synchronized void notify(Notify notification) {
        Decision d = notification.decision();
        String where = Decision.GLOBAL.equals(d.location()) ? "all" : d.location();
        print(d.at(), where + "  " + words(d.kind().name()) + ": " + (d.dryRun() ? "[dry run] " : "") + d.summary(),
                evidence(d));
    }

    @Override
    public synchronized void alert(Alert alert) {
        Decision d = alert.decision();
        print(d == null ? clock.instant() : d.at(), "ALERT " + words(alert.kind().name()) + ": " + alert.message(),
                evidence(d));
    }

    private String evidence(Decision d) {
        if (d == null) {
            return "";
        }
        Explanation why = d.explanation();
        if (d.incident() != null && !scored.add(d.incident())) {
            why = new Explanation(null, why.thresholds(), why.placements(), why.notes());
        }
        return why.render().strip();
    }

    /** Headlines and evidence carry what operators typed: each printed line is made harmless for a terminal. */
    private void print(Instant at, String headline, String evidence) {
        out.println(TIME.format(at) + "  " + ConsoleText.line(headline));
        evidence.lines().forEach(line -> out.println(INDENT + ConsoleText.line(line)));
        out.flush();
    }

    private static String words(String constant) {
        return constant.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
