package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.DnsFallbackConfig;
import houston.core.config.DnsFallbackConfig.Mode;
import houston.core.config.EngineConfig;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DnsFallbackTest {

    private static final String[] ALL = {"vantage-a", "vantage-b", "vantage-c"};

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults()
            .withDnsFallback(new DnsFallbackConfig(Mode.HEALTH_ENDPOINT, Duration.ofMinutes(2))), TestTopologies.row(15));

    /** Runs until the engine first tries to publish loc-07's evacuation, with the control plane down. */
    private void loc07DiesWhileTheDnsApiIsDown() {
        loc07FailsWhileTheDnsApiIsDown(ALL);
    }

    /** As above, loc-07 failing for {@code vantages} only. */
    private void loc07FailsWhileTheDnsApiIsDown(String... vantages) {
        world.run(10);
        world.controlPlaneDown = true;
        world.breakLocation("loc-07", vantages);
        while (world.all(Action.PublishPlan.class).isEmpty()) {
            world.tick();
        }
    }

    @Test
    void fallbackEngagesWhenPublishesHaveFailedForFallbackAfter() {
        // Two vantages of three: evacuated by quorum, but not every vantage calls it dead.
        loc07FailsWhileTheDnsApiIsDown("vantage-a", "vantage-b");

        world.run(119);
        List<Action.EngageFallback> before = world.all(Action.EngageFallback.class);
        world.run(1);

        assertEquals(List.of(), before);
        assertEquals(List.of(List.of("loc-07")),
                world.all(Action.EngageFallback.class).stream().map(Action.EngageFallback::locations).toList());
    }

    /**
     * A location every vantage calls dead loses all its users every second it waits: it is dropped through
     * the data plane once the API has failed for 10 s, sooner than Route 53's fast health checks would drop
     * it, not after fallback-after (2 min here).
     */
    @Test
    void aLocationEveryVantageCallsDeadIsDroppedOnceTheApiHasFailedForTenSeconds() {
        loc07DiesWhileTheDnsApiIsDown();

        world.run(8);
        List<Action.EngageFallback> before = world.all(Action.EngageFallback.class);
        world.run(4);

        assertEquals(List.of(), before);
        assertEquals(List.of(List.of("loc-07")),
                world.all(Action.EngageFallback.class).stream().map(Action.EngageFallback::locations).toList());
        assertTrue(world.all(Action.EngageFallback.class).get(0).reason().contains(
                "(every vantage calls loc-07 dead: fallback-after not waited)"), world.all(Action.EngageFallback.class).get(0).reason());
    }

    /**
     * An API that failed a few minutes ago and fails again is flapping, not starting a new outage: a red
     * team's drill (down a minute, up a minute) lost the first minute of an outage to fallback-after each
     * time, and with it its lead over Route 53's health checks.
     */
    @Test
    void anApiFailingAgainSoonAfterItRecoveredDropsTheDeadLocationWithoutWaitingFallbackAfter() {
        world.watchEverySeconds = 5;
        world.run(10);
        world.controlPlaneDown = true;
        world.run(60);
        world.controlPlaneDown = false;
        world.run(60);
        world.controlPlaneDown = true;
        world.breakLocation("loc-07", ALL);
        while (world.all(Action.PublishPlan.class).isEmpty()) {
            world.tick();
        }

        world.run(15);

        assertEquals(List.of(List.of("loc-07")),
                world.all(Action.EngageFallback.class).stream().map(Action.EngageFallback::locations).toList());
        assertTrue(world.all(Action.EngageFallback.class).get(0).reason().contains("failed again"),
                world.all(Action.EngageFallback.class).get(0).reason());
        assertTrue(world.decisions(DecisionKind.FALLBACK_ENGAGED).get(0).summary().contains(
                "after it last came back: flapping, fallback-after not waited"),
                world.decisions(DecisionKind.FALLBACK_ENGAGED).get(0).summary());
    }

    @Test
    void engagedFallbackIsToldInTheEvacuationsThreadWithItsPath() {
        loc07DiesWhileTheDnsApiIsDown();

        world.run(180);

        Decision engaged = world.decisions(DecisionKind.FALLBACK_ENGAGED).get(0);
        Decision decided = world.decisions(DecisionKind.EVACUATION_DECIDED).get(0);
        assertEquals("DNS API down for 11 s (every vantage calls it dead: fallback-after not waited); loc-07 evacuated "
                + "through health-check failover (data plane)", engaged.summary());
        assertEquals(decided.incident(), engaged.incident());
        assertTrue(engaged.explanation().notes().get(1).startsWith("live path: data plane (health-check failover)"),
                engaged.explanation().notes().toString());
        assertEquals(List.of("loc-07"), world.state.dnsFallback().live());
        assertEquals(LocationState.EVACUATING, world.stateOf("loc-07"));
    }

    @Test
    void anArcFallbackNamesTheEndpointsThatFailedInTheMessageAndTheExplanation() {
        EngineHarness arc = new EngineHarness(EngineConfig.defaults()
                .withDnsFallback(new DnsFallbackConfig(Mode.ARC, Duration.ofMinutes(2))), TestTopologies.row(15));
        arc.dataPlaneDetail = "routing controls set through us-west-2 https://b.example/v1 after us-east-1 "
                + "https://a.example/v1: down (503)";
        arc.run(10);
        arc.controlPlaneDown = true;
        arc.breakLocation("loc-07", ALL);

        arc.run(200);

        Decision engaged = arc.decisions(DecisionKind.FALLBACK_ENGAGED).get(0);
        assertEquals("DNS API down for 11 s (every vantage calls it dead: fallback-after not waited); loc-07 evacuated "
                + "through ARC routing controls (data plane): " + arc.dataPlaneDetail, engaged.summary());
        assertEquals("data plane: " + arc.dataPlaneDetail, engaged.explanation().notes().get(2));
    }

    @Test
    void controlPlaneBackPublishesTheWeightsFirstThenReleasesWithoutMovingTrafficAgain() {
        loc07DiesWhileTheDnsApiIsDown();
        world.run(180);
        int actionsWhileDown = world.actions.size();

        world.controlPlaneDown = false;
        world.run(40);

        List<Action> after = world.actions.subList(actionsWhileDown, world.actions.size());
        int published = indexOf(after, Action.PublishPlan.class);
        int released = indexOf(after, Action.EngageFallback.class);
        assertTrue(published >= 0 && released > published, "publish at " + published + ", release at " + released);
        assertEquals(List.of(), ((Action.EngageFallback) after.get(released)).locations());
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
        assertEquals(0.0, world.fraction("loc-07", "loc-07"));
        assertTrue(world.state.dnsFallback().idle(), world.state.dnsFallback().toString());
        Decision release = world.decisions(DecisionKind.FALLBACK_RELEASED).get(0);
        assertEquals(world.decisions(DecisionKind.EVACUATION_DECIDED).get(0).incident(), release.incident());
        assertTrue(release.summary().startsWith("DNS API back and the weights of plan generation"), release.summary());
    }

    @Test
    void withoutAFallbackFailedPublishesOnlyAlert() {
        EngineHarness plain = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));
        plain.run(10);
        plain.controlPlaneDown = true;

        plain.breakLocation("loc-07", ALL).run(20 * 60);

        assertEquals(List.of(), plain.all(Action.EngageFallback.class));
        assertTrue(plain.alerts(AlertKind.DNS_PUBLISH_FAILED).size() > 1);
    }

    @Test
    void fallbackThatCannotBeSetIsAlertedAndTriedAgainAfterThePublishPause() {
        world.dataPlaneAnswers = false;
        loc07DiesWhileTheDnsApiIsDown();

        world.run(10 + 1 + 10); // a dead location's 10 s, the first attempt, publish-retry

        assertEquals(1, world.alerts(AlertKind.DNS_FALLBACK_FAILED).size());
        assertEquals(2, world.all(Action.EngageFallback.class).size());
        assertEquals(List.of(), world.state.dnsFallback().live());
    }

    /**
     * A dead location whose receivers had no ready room is EVACUATED with nothing to publish; its users
     * move when the receivers grow, and that move's publish fails with the API down. The data plane took
     * only EVACUATING locations, so this one was never dropped and its users kept failing at home: the
     * lab did this on a loaded machine.
     */
    @Test
    void anEvacuationMovedOnlyOnceItsReceiversGrewIsDroppedThroughTheDataPlaneWhenItsPublishFails() {
        LocationState waiting = loc07DiesWhileItsReceiversHaveNoReadyRoomThenGrow();

        world.run(180);

        assertEquals(LocationState.EVACUATED, waiting);
        assertTrue(world.fraction("loc-07", "loc-07") < 0.01, "its users are moved in the plan: " + world.fraction("loc-07", "loc-07"));
        assertEquals(List.of("loc-07"), world.state.dnsFallback().live());
    }

    /**
     * Healthy again while the API is still down, it fails back: released then, the weights DNS holds (at
     * home: its move was never published) would send all its users home at once, unchecked, and the step
     * published later would move most of them away again. It stays out until its step is live.
     */
    @Test
    void aLocationTheDataPlaneHoldsOutStaysOutWhileItFailsBackUntilItsStepIsLive() {
        loc07DiesWhileItsReceiversHaveNoReadyRoomThenGrow();
        world.run(180);
        world.clear();

        int recovering = 0;
        int releasedEarly = 0;
        for (int s = 0; s < 30 * 60; s++) {
            world.tick();
            if (world.stateOf("loc-07") == LocationState.RECOVERING) {
                recovering++;
                releasedEarly += world.state.dnsFallback().live().contains("loc-07") ? 0 : 1;
            }
        }

        assertTrue(recovering > 0, "loc-07 fails back while the API is down");
        assertEquals(0, releasedEarly, "ticks recovering with loc-07 released before its step is live");
    }

    /** A fail-back step decided while the API is down is told as wanted, not as served: nothing can carry it yet. */
    @Test
    void aFailbackStepTheDataPlaneHoldsOutIsToldAsWaitingForDnsNotAsServed() {
        loc07DiesWhileItsReceiversHaveNoReadyRoomThenGrow();
        world.run(180);
        world.clear();

        world.run(30 * 60);

        java.util.List<String> steps = world.decisions(DecisionKind.FAILBACK_STEP).stream()
                .filter(d -> d.location().equals("loc-07")).map(Decision::summary).toList();
        assertTrue(!steps.isEmpty(), "loc-07 fails back while the API is down");
        assertTrue(steps.get(0).contains("once DNS carries it, held out by the DNS data plane until then"), steps.get(0));
    }

    /**
     * The scaler never answers: the floors a dead location's drop would load cannot grow. Waiting for them
     * forever left every one of its users failing at home for the whole API outage (a red team's drill:
     * as many failed requests as doing nothing). Once it has waited prescale-timeout it is dropped onto
     * their ready instances, and its thread says so.
     */
    @Test
    void aDeadLocationWhoseFloorsCannotGrowIsDroppedOnceItHasWaitedPrescaleTimeout() {
        loc07DiesWithTheApiDownNextToFullReceiversThatCannotGrow();
        scaleUpsFailFor(2 * 60 + 4 * 60);
        List<String> beforeTimeout = world.state.dnsFallback().live();

        scaleUpsFailFor(2 * 60);

        assertEquals(List.of(), beforeTimeout);
        assertEquals(List.of("loc-07"), world.state.dnsFallback().live());
        assertTrue(world.decisions(DecisionKind.SCALE_UPDATE).stream().anyMatch(d -> d.summary().contains(
                "did not grow within prescale-timeout (5 min): dropped through health-check failover")),
                world.decisions(DecisionKind.SCALE_UPDATE).toString());
    }

    /**
     * The floors a waited-out drop overloads fail part of their requests: not a fault of theirs. Judged on
     * the plan's loads (which do not show a dropped catchment) the nearest was evacuated onto its own
     * neighbour, a cascade; judged on what DNS sends it, it is held as overloaded.
     */
    @Test
    void aFloorOverloadedByADroppedCatchmentIsHeldNotEvacuated() {
        loc07DiesWithTheApiDownNextToFullReceiversThatCannotGrow();
        scaleUpsFailFor(8 * 60);

        for (int s = 0; s < 120; s++) {
            world.clear().breakLocation("loc-07", ALL);
            if (s % 2 == 0) {
                world.fault("vantage-a", "loc-06", houston.core.health.Outcome.HTTP_ERROR)
                        .fault("vantage-b", "loc-06", houston.core.health.Outcome.HTTP_ERROR)
                        .fault("vantage-c", "loc-06", houston.core.health.Outcome.HTTP_ERROR);
            }
            scaleUpsFailFor(1);
        }

        assertEquals(List.of("loc-07"), world.state.dnsFallback().live());
        assertEquals(List.of("loc-07"), world.decisions(DecisionKind.EVACUATION_DECIDED).stream()
                .map(Decision::location).distinct().toList());
        assertTrue(world.decisions(DecisionKind.EVACUATION_HELD).stream().anyMatch(d -> "loc-06".equals(d.location())
                && d.summary().contains("overloaded by the users the data plane sends it")),
                world.decisions(DecisionKind.EVACUATION_HELD).toString());
    }

    /**
     * Publishes go one at a time: generation 1's INSYNC can come after generation 2 was sent. What DNS
     * holds is then generation 1's rows; the engine kept only the last plan sent, and went on judging
     * the data plane's drops on the rows before both.
     */
    @Test
    void aConfirmationThatComesAfterTheNextPublishWasSentStillTellsWhatDnsHolds() {
        world.run(10);
        world.confirmPublishes = false;
        world.breakLocation("loc-07", ALL);
        while (world.all(Action.PublishPlan.class).isEmpty()) {
            world.tick();
        }
        world.breakLocation("loc-02", ALL);
        while (world.all(Action.PublishPlan.class).size() < 2) {
            world.tick();
        }
        List<Action.PublishPlan> sent = world.all(Action.PublishPlan.class);

        world.outcome(new ActionOutcome.PlanPublished(sent.get(0).plan().generation(), ActionOutcome.PublishStatus.INSYNC,
                "ok", Duration.ofSeconds(1))).tick();

        assertTrue(sent.get(1).plan().generation() > sent.get(0).plan().generation());
        assertEquals(sent.get(0).plan(), world.state.dnsFallback().inDns());
    }

    /**
     * Every other location at 880 of the 900 rps its ready instances carry at the interim ceiling: a sliver
     * of room for the shift through the weights, too little for a dropped record's whole catchment. The DNS
     * API goes down and loc-07 dies; no scale-up is answered yet ({@link #scaleUpsFailFor}).
     */
    private void loc07DiesWithTheApiDownNextToFullReceiversThatCannotGrow() {
        loc07DiesWithTheApiDownWhileEveryOtherCarries(880);
    }

    /** Every other location measured at {@code rps}, the DNS API down, loc-07 dies; scale-ups unanswered. */
    private void loc07DiesWithTheApiDownWhileEveryOtherCarries(double rps) {
        world.confirmScaleUps = false;
        world.topology.ids().stream().filter(id -> !id.equals("loc-07")).forEach(id -> world.measuring(id, rps));
        world.measuring("loc-07", 400);
        world.run(10);
        world.controlPlaneDown = true;
        world.breakLocation("loc-07", ALL);
    }

    /** Ticks {@code seconds}, every scale-up asked for answered FAILED on the next tick. */
    private void scaleUpsFailFor(int seconds) {
        for (int s = 0; s < seconds; s++) {
            world.tick().actions().stream().filter(Action.PreScale.class::isInstance).map(Action.PreScale.class::cast)
                    .forEach(p -> world.outcome(new ActionOutcome.ScaleResult(p.location(), p.instances(),
                            ActionOutcome.ScaleStatus.FAILED, "scaler error")));
        }
    }

    /** loc-07 dies with the API down while every receiver is full; then their pre-scales land. */
    private LocationState loc07DiesWhileItsReceiversHaveNoReadyRoomThenGrow() {
        loc07DiesWithTheApiDownWhileEveryOtherCarries(900);
        world.run(5);
        LocationState waiting = world.stateOf("loc-07");
        world.all(Action.PreScale.class).forEach(p -> world.outcome(
                new ActionOutcome.ScaleResult(p.location(), p.instances(), ActionOutcome.ScaleStatus.READY, "ready")));
        world.confirmScaleUps = true;
        return waiting;
    }

    private static int indexOf(List<Action> actions, Class<? extends Action> type) {
        for (int i = 0; i < actions.size(); i++) {
            if (type.isInstance(actions.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
