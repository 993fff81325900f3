package houston.app.cli;

import houston.app.bench.HoustonProcess;
import houston.app.wiring.SlackStandIn;
import houston.testkit.Eventually;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator evacuates lab-a (its traffic split between two receivers, shares DNS can only hold to
 * 1/255) and freezes automation; the incident has its Slack thread (WireMock as Slack). Then the real
 * {@code houston run} process is stopped ten times in a row, alternately by SIGTERM and SIGKILL, and
 * started again: every time the pin, the freeze and the plan are still there, nothing is published
 * again, and the incident's next message (the restore) is a reply in its thread, not a new thread.
 * The operator acts once the probes have scored every location, as an operator looking at the status
 * page would: before that the engine knows no receiver to split lab-a between.
 */
class OverridesAcrossRestartsIT {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.extension.RegisterExtension
    final CanarySites sites = new CanarySites(3);
    private final SignedDaemonApi api = new SignedDaemonApi("overrides-across-restarts-secret");
    @org.junit.jupiter.api.extension.RegisterExtension
    final SlackStandIn slack = new SlackStandIn();

    private Path config() throws Exception {
        return api.config(dir, slack.settings(dir)
                + "houston.planner { receivers = 2, max-receivers = 2 }\n"
                + "houston.probes { interval = 200ms, jitter = 20ms }\n"
                // Receivers that must scale first: the evacuation is an incident with pre-scales and a
                // thread; lab-b, the nearest, can grow to hold only part of lab-a, so the shares it publishes
                // (lab-b and lab-c) are not whole 1/255ths.
                + "houston.topology.locations { lab-a.capacity.instances = 2, lab-b.capacity { instances = 2, "
                + "max-instances = 3 }, lab-c.capacity.instances = 2 }\n",
                sites.port(0), sites.port(1), sites.port(2));
    }

    private static HoustonProcess start(Path conf, Path log) throws Exception {
        return HoustonProcess.run(conf, log, 0, Duration.ofSeconds(90));
    }

    private JsonObject get(HoustonProcess d, String path) throws Exception {
        return api.get(d.port(), path);
    }

    /** Waits for a condition, failing with what the daemon said and showed. */
    private void await(HoustonProcess d, java.util.function.BooleanSupplier condition, String what) throws Exception {
        try {
            Eventually.await(condition);
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + get(d, "/v1/status").encode() + "\nSlack saw: " + slack.threadStarts().stream()
                    .map(p -> java.net.URLDecoder.decode(p.getBodyAsString(), StandardCharsets.UTF_8)).toList()
                    + "\n" + d.output(), e);
        }
    }

    /** Whether a message posted to Slack (a form body) says {@code text}. */
    private static boolean said(com.github.tomakehurst.wiremock.verification.LoggedRequest post, String text) {
        return java.net.URLDecoder.decode(post.getBodyAsString(), StandardCharsets.UTF_8).contains(text);
    }

    private boolean holds(HoustonProcess d, java.util.function.Predicate<JsonObject> condition) {
        try {
            return condition.test(api.status(d.port()));
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** Threads the incident started: the operator's pin opens it, the evacuation replies in it. */
    private List<com.github.tomakehurst.wiremock.verification.LoggedRequest> incidentThreads() {
        return slack.threadStarts().stream().filter(p -> said(p, "lab-a pinned evacuated")).toList();
    }

    @Test
    void aPinAFreezeAndTheSlackThreadSurviveTenRestartsBySigtermAndSigkill() throws Exception {
        Path conf = config();
        HoustonProcess first = start(conf, dir.resolve("run-0.log"));
        await(first, () -> api.everyLocationScored(first.port()), "every location scored by the probes");
        api.command(first.port(), "evacuate lab-a for 2h db migration");
        await(first, () -> holds(first, s -> s.getJsonObject("pins").containsKey("lab-a") && s.getLong("liveGeneration") >= 1),
                "the evacuation live in DNS");
        await(first, () -> incidentThreads().size() == 1, "the incident's thread");
        api.command(first.port(), "freeze for 2h game day");
        await(first, () -> holds(first, s -> s.getString("frozenUntil") != null), "the freeze");
        JsonObject before = get(first, "/v1/status");
        JsonObject plan = get(first, "/v1/plan");
        HoustonProcess running = first;

        List<String> lost = new ArrayList<>();
        for (int restart = 1; restart <= 10; restart++) {
            if (restart % 2 == 1) {
                running.terminate(Duration.ofSeconds(60));
            } else {
                running.kill();
            }
            running = start(conf, dir.resolve("run-" + restart + ".log"));
            JsonObject after = get(running, "/v1/status");
            if (!before.getJsonObject("pins").equals(after.getJsonObject("pins"))
                    || !before.getString("frozenUntil").equals(after.getString("frozenUntil"))
                    || after.getLong("planGeneration") != before.getLong("planGeneration")
                    || running.output().contains("disagrees with live DNS")) {
                lost.add("restart " + restart + ": " + after.encode() + "\n" + running.output());
            }
        }
        api.command(running.port(), "restore lab-a");
        HoustonProcess last = running;
        await(last, () -> slack.replies().stream().anyMatch(r -> said(r, "restore requested")),
                "the restore told in the incident's thread");
        last.kill();

        double share = plan.getJsonObject("rows").getJsonObject("lab-a").getDouble("lab-b", 0.0);
        assertTrue(share > 0 && share < 1 && Math.abs(share * 255 - Math.round(share * 255)) > 1e-6,
                "the receivers' shares are not whole 1/255ths: " + plan.encode());
        assertEquals(List.of(), lost);
        assertEquals(1, incidentThreads().size(), () -> "the incident's messages after ten restarts opened no thread of "
                + "their own: " + incidentThreads().stream().map(p -> java.net.URLDecoder.decode(p.getBodyAsString(),
                StandardCharsets.UTF_8)).toList());
        assertTrue(slack.threadStarts().stream().noneMatch(r -> said(r, "restore requested")),
                "the restore opened no thread of its own");
    }
}
