package houston.app.wiring;

import houston.app.config.HoustonSettings;
import houston.app.config.SlackSettings;
import houston.core.port.Notifier;
import houston.slack.notify.ConsoleNotifier;
import houston.slack.notify.DecisionRenderer;
import houston.slack.notify.JsonLinesOutboxLedger;
import houston.slack.notify.OutboxLedger;
import houston.slack.notify.SlackApiPoster;
import houston.slack.notify.SlackNotifier;
import houston.slack.notify.SlackOutbox;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

/** Slack when a token is configured, the console otherwise: the same words either way. */
public final class NotifierFactory {

    static final String LEDGER = "slack-outbox.jsonl";

    /** The notifier, and the outbox to close on shutdown (null for the console). */
    public record Built(Notifier notifier, SlackOutbox outbox) {
    }

    private NotifierFactory() {
    }

    public static Built create(HoustonSettings settings, PrintStream console) {
        return create(settings, console, null);
    }

    /**
     * @param threadsFile where incident threads are kept across restarts (null: not kept), so a
     *                    restarted daemon replies in an incident's thread instead of opening a second one;
     *                    beside it, {@value #LEDGER} keeps what the outbox still owes Slack, so a message
     *                    decided before a SIGKILL is posted after the restart
     */
    public static Built create(HoustonSettings settings, PrintStream console, java.nio.file.Path threadsFile) {
        SlackSettings s = settings.slack();
        if (s.tokenFile() == null) {
            return new Built(new ConsoleNotifier(console, java.time.Clock.systemUTC()), null);
        }
        DecisionRenderer renderer = new DecisionRenderer(s.onCallGroup());
        String token;
        try {
            token = Files.readString(s.tokenFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read houston.slack.token-file " + s.tokenFile(), e);
        }
        OutboxLedger ledger = OutboxLedger.NONE;
        if (threadsFile != null) {
            try {
                Files.createDirectories(threadsFile.toAbsolutePath().getParent());
                ledger = new JsonLinesOutboxLedger(threadsFile.resolveSibling(LEDGER));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the Slack outbox in " + threadsFile.resolveSibling(LEDGER), e);
            }
        }
        SlackOutbox outbox = new SlackOutbox(new SlackApiPoster(token, s.apiUrl()), s.channel(), s.outbox(),
                s.maxAttempts(), Duration.ofSeconds(1), d -> Thread.sleep(d.toMillis()), ledger,
                // A replica hands what it owed from before its restart to whoever leads, which posts it.
                !settings.ha().enabled());
        if (threadsFile != null) {
            SlackThreadsFile.restoreInto(outbox, threadsFile);
            outbox.onThreadsChanged(threads -> SlackThreadsFile.write(threadsFile, threads));
        }
        return new Built(new SlackNotifier(renderer, outbox), outbox);
    }
}
