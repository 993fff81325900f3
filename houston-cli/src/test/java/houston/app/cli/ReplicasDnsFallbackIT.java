package houston.app.cli;

import houston.testkit.Eventually;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The health-endpoint fallback across a leader's death, on three {@code houston run} replicas (a
 * real ZooKeeper ensemble, the Route 53 stand-in through the AWS SDK, the Slack stand-in): the DNS
 * API is down, lab-a breaks and is held out through the data plane; the leader is SIGKILLed. The
 * new leader takes over without the DNS fence (claiming it is a change the API refuses), keeps
 * lab-a held out, and every live replica's /v1/dns-health/lab-a answers 503 throughout, as Route
 * 53's checkers poll them all. The API back (reads and writes: the whole control plane was down), the
 * new leader's control-plane watch sees it answer and the publish waiting out its backoff (up to
 * publish-retry, 30 s) goes at once: the fence is claimed, the weights are published, the fallback
 * released, well within the wait below; and everything about lab-a is in one Slack thread.
 */
// Three replica JVMs and an ensemble on 2 cores: runs alone (load-sensitive, the parent pom.xml).
@Tag("load-sensitive")
class ReplicasDnsFallbackIT {

    private static final Duration FALLBACK_AFTER = Duration.ofSeconds(10);

    @AutoClose
    private ReplicaLab lab;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        lab = new ReplicaLab(dir);
        lab.extraConfig = "houston.dns { fallback = health-endpoint, fallback-after = " + FALLBACK_AFTER.toSeconds()
                + "s, health-check.name = houston.test }\n";
    }

    /** What Route 53's checker would read from {@code r} for lab-a; -1 while it does not answer. */
    private static int dnsHealth(ReplicaProcess r) {
        try {
            return r.send(r.request("/v1/dns-health/lab-a").timeout(Duration.ofSeconds(2))).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static JsonArray engaged(ReplicaProcess r) {
        JsonObject s = r.status();
        return s == null ? null : s.getJsonObject("fallback").getJsonArray("engaged");
    }

    @Test
    void aNewLeaderKeepsTheLocationHeldOutThroughTheDataPlaneAndEveryReplicaAnswersAsItDecided() throws Exception {
        ReplicaProcess first = lab.replica(1);
        Eventually.await(first::acting);
        ReplicaProcess second = lab.replica(2);
        ReplicaProcess third = lab.replica(3);
        Thread.sleep(1500);
        lab.route53.zone.controlPlaneDown(true);
        lab.broken.set(true);
        Duration engaging = FALLBACK_AFTER.plusSeconds(20);
        Eventually.await(engaging, () -> new JsonArray().add("lab-a").equals(engaged(first)));
        List<ReplicaProcess> all = List.of(first, second, third);
        Eventually.await(() -> all.stream().allMatch(r -> dnsHealth(r) == 503));
        List<Long> publishedBefore = List.copyOf(lab.published);
        long liveBefore = first.status().getLong("liveGeneration");

        first.kill();
        List<ReplicaProcess> survivors = List.of(second, third);
        List<Integer> answersThroughTakeover = new ArrayList<>();
        ReplicaProcess leader = null;
        for (int i = 0; i < 300 && leader == null; i++) {
            for (ReplicaProcess r : survivors) {
                answersThroughTakeover.add(dnsHealth(r));
                if (r.acting()) {
                    leader = r;
                }
            }
            Thread.sleep(100);
        }
        assertTrue(leader != null, "a survivor leads: " + second.output() + third.output());
        ReplicaProcess newLeader = leader;
        // A few ticks as the new leader, the DNS API still down.
        for (int i = 0; i < 30; i++) {
            for (ReplicaProcess r : survivors) {
                answersThroughTakeover.add(dnsHealth(r));
            }
            Thread.sleep(100);
        }
        JsonArray engagedByNewLeader = engaged(newLeader);
        List<Long> publishedWhileDown = List.copyOf(lab.published);
        lab.route53.zone.controlPlaneDown(false);
        Eventually.await(Duration.ofSeconds(30), () -> {
            JsonObject s = newLeader.status();
            return s != null && s.getJsonObject("fallback").getJsonArray("engaged").isEmpty()
                    && s.getLong("liveGeneration") > liveBefore;
        }, () -> "new leader's status " + newLeader.status() + "\n" + newLeader.output());
        Eventually.await(() -> dnsHealth(second) == 200 && dnsHealth(third) == 200);
        JsonObject after = newLeader.status();

        assertTrue(answersThroughTakeover.stream().allMatch(code -> code == 503),
                "every survivor answered 503 for lab-a through the takeover: " + answersThroughTakeover);
        assertEquals(new JsonArray().add("lab-a"), engagedByNewLeader, "the new leader keeps lab-a held out");
        assertEquals(publishedBefore, publishedWhileDown, "nothing reached DNS while its API was down");
        assertEquals("weights", after.getJsonObject("fallback").getString("livePath"));
        assertEquals(null, after.getJsonObject("fallback").getValue("publishesFailingSince"));
        assertTrue(lab.owner().contains("writer=" + (newLeader == second ? "replica-2" : "replica-3") + " "),
                "the new leader claimed the fence before publishing: " + lab.owner());
        List<String> aboutLabA = lab.incidentThreads().stream().filter(m -> m.contains("lab-a")).toList();
        assertEquals(1, aboutLabA.size(), "one incident, one thread: " + lab.incidentThreads());
        assertEquals(1, ReplicaProcess.acting(survivors));
    }
}
