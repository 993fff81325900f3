package houston.slack.notify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import houston.core.config.EngineConfig;
import houston.core.engine.Action;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.Inputs;
import houston.core.engine.Step;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.model.CapacityModel;
import houston.core.model.GeoPoint;
import houston.core.model.Location;
import houston.core.model.Topology;
import houston.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notifications through the real Slack SDK to WireMock standing in for the Slack Web API on loopback. */
class SlackNotifierIT {

    private WireMockServer slack;
    private SlackOutbox outbox;
    private SlackNotifier notifier;

    @BeforeEach
    void start() {
        slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        slack.start();
        slack.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(ok("{\"ok\":true,\"user_id\":\"UHOUSTON\"}")));
        outbox = new SlackOutbox(new SlackApiPoster("xoxb-test", slack.baseUrl()), "C-INCIDENTS", 100, 4,
                Duration.ofMillis(10), d -> Thread.sleep(Math.min(d.toMillis(), 50)));
        notifier = new SlackNotifier(new DecisionRenderer("S0ONCALL"), outbox);
    }

    @AfterEach
    void stop() throws Exception {
        outbox.close();
        slack.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private void postsReturn() {
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(notContaining("thread_ts"))
                .willReturn(ok("{\"ok\":true,\"channel\":\"C-INCIDENTS\",\"ts\":\"111.000\"}")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(containing("thread_ts"))
                .willReturn(ok("{\"ok\":true,\"channel\":\"C-INCIDENTS\",\"ts\":\"222.000\"}")));
    }

    private List<LoggedRequest> posts() {
        return slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    }

    private static String field(LoggedRequest r, String name) {
        for (String pair : r.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void awaitDelivered(long count) throws InterruptedException {
        Eventually.until(count + " messages delivered or given up", Eventually.DEFAULT,
                () -> outbox.delivered() + outbox.undelivered(), done -> done >= count);
    }

    /** A real engine run: loc-1 dies for 20 s, comes back, and is restored step by step. */
    private static List<Action> incident() {
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            locations.add(new Location("loc-" + i, "loc-" + i, new GeoPoint(0, i), List.of("192.0.2.1"), 100,
                    new CapacityModel(4, 100, 1, 20, 0.5, Duration.ofMinutes(1))));
        }
        EngineConfig config = EngineConfig.defaults().withSafety(new houston.core.config.SafetyConfig(2, 0.5, 3, 2,
                Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofSeconds(30), false));
        DecisionEngine engine = new DecisionEngine(config, Topology.greatCircle(locations));
        Instant now = Instant.parse("2026-11-22T03:00:00Z");
        EngineState state = engine.initialState(now);
        List<Action> actions = new ArrayList<>();
        List<Object> pending = new ArrayList<>();
        for (int s = 1; s <= 300; s++) {
            now = now.plusSeconds(1);
            List<Observation> obs = new ArrayList<>();
            for (String v : config.health().vantages()) {
                for (Location l : locations) {
                    boolean down = l.id().equals("loc-1") && s > 10 && s <= 30;
                    obs.add(new Observation(v, l.id(), "site", now, down ? Outcome.CONNECT_ERROR : Outcome.OK, Duration.ZERO));
                }
            }
            List<houston.core.engine.ActionOutcome> outcomes = new ArrayList<>();
            for (Object p : pending) {
                outcomes.add((houston.core.engine.ActionOutcome) p);
            }
            pending.clear();
            Step step = engine.step(state, Inputs.builder().observations(obs).outcomes(outcomes).build(), now);
            state = step.next();
            for (Action a : step.actions()) {
                actions.add(a);
                if (a instanceof Action.PublishPlan p) {
                    pending.add(new houston.core.engine.ActionOutcome.PlanPublished(p.plan().generation(),
                            houston.core.engine.ActionOutcome.PublishStatus.INSYNC, "ok", Duration.ofSeconds(1)));
                } else if (a instanceof Action.PreScale ps) {
                    pending.add(new houston.core.engine.ActionOutcome.ScaleResult(ps.location(), ps.instances(),
                            houston.core.engine.ActionOutcome.ScaleStatus.READY, "ready"));
                }
            }
        }
        return actions;
    }

    @Test
    void aFullIncidentIsOneThreadWithItsStepsInOrder() throws Exception {
        postsReturn();
        List<Action.Notify> steps = incident().stream().filter(Action.Notify.class::isInstance).map(Action.Notify.class::cast)
                .filter(n -> n.decision().incident() != null).toList();

        steps.forEach(notifier::notify);
        awaitDelivered(steps.size());

        List<LoggedRequest> posts = posts();
        assertEquals(steps.size(), posts.size());
        assertEquals(null, field(posts.get(0), "thread_ts"));
        assertTrue(field(posts.get(0), "text").contains("loc-1 suspect"), "the suspicion opens the thread: "
                + field(posts.get(0), "text"));
        for (int i = 1; i < posts.size(); i++) {
            assertEquals("111.000", field(posts.get(i), "thread_ts"), "post " + i);
            assertEquals(steps.get(i).decision().summary(), field(posts.get(i), "text").substring(
                    field(posts.get(i), "text").indexOf(' ') + 1).lines().findFirst().orElse(""));
        }
        assertTrue(field(posts.get(posts.size() - 1), "text").contains("restored"));
    }

    @Test
    void rateLimitIsHonouredAndTheMessageStillArrives() throws Exception {
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("rl").whenScenarioStateIs("ok")
                .willReturn(ok("{\"ok\":true,\"ts\":\"1.0\"}")));

        notifier.alert(new Action.Alert(houston.core.engine.AlertKind.FAIL_STATIC, "8 of 15 look bad", null));
        awaitDelivered(1);

        assertEquals(2, posts().size());
        assertEquals(1, outbox.delivered());
        assertTrue(field(posts().get(1), "text").contains("<!subteam^S0ONCALL>"), field(posts().get(1), "text"));
    }

    @Test
    void serverErrorIsRetriedWithBackoff() throws Exception {
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(500)));
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("5xx").whenScenarioStateIs("ok")
                .willReturn(ok("{\"ok\":true,\"ts\":\"1.0\"}")));

        notifier.alert(new Action.Alert(houston.core.engine.AlertKind.SCALER_FAILED, "us-east-2 quota", null));
        awaitDelivered(1);

        assertEquals(1, outbox.delivered());
        assertEquals(2, posts().size());
    }

    @Test
    void permanentErrorIsCountedAndNotRetried() throws Exception {
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(ok("{\"ok\":false,\"error\":\"channel_not_found\"}")));

        notifier.alert(new Action.Alert(houston.core.engine.AlertKind.DNS_OWNERSHIP_LOST, "lost", null));
        awaitDelivered(1);

        assertEquals(1, outbox.undelivered());
        assertEquals(1, posts().size());
    }
}
