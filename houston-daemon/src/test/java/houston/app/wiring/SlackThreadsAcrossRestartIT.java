package houston.app.wiring;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.core.engine.Action;
import houston.core.engine.Decision;
import houston.core.engine.DecisionKind;
import houston.core.engine.Explanation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After a restart, an incident in progress keeps its one Slack thread (WireMock as the Slack API). */
class SlackThreadsAcrossRestartIT {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.extension.RegisterExtension
    final SlackStandIn slack = new SlackStandIn();

    private HoustonSettings settings() throws Exception {
        return HoustonConfigLoader.load(Files.writeString(dir.resolve("slack.conf"), slack.settings(dir)));
    }

    private static Action.Notify step(DecisionKind kind, String summary) {
        return new Action.Notify(new Decision(Instant.parse("2026-11-22T03:00:00Z"), "us-east-1", kind,
                "us-east-1@2026-11-22T03:00:00Z", summary, false, new Explanation(null, null, List.of(), List.of())));
    }

    @Test
    void aRestartedDaemonRepliesInTheIncidentsThread() throws Exception {
        Path threads = dir.resolve("journal").resolve("slack-threads.json");
        HoustonSettings settings = settings();
        NotifierFactory.Built first = NotifierFactory.create(settings, new PrintStream(PrintStream.nullOutputStream()), threads);
        first.notifier().notify(step(DecisionKind.EVACUATION_DECIDED, "us-east-1 evacuating"));
        first.outbox().close();

        NotifierFactory.Built second = NotifierFactory.create(settings, new PrintStream(PrintStream.nullOutputStream()), threads);
        second.notifier().notify(step(DecisionKind.RESTORED, "us-east-1 restored"));
        second.outbox().close();

        assertEquals(1, slack.threadStarts().size());
        assertEquals(1, slack.replies().size());
        assertTrue(slack.replies().get(0).getBodyAsString().contains("thread_ts=" + SlackStandIn.THREAD_TS));
    }
}
