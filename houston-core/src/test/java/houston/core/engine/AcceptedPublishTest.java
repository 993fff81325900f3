package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.DnsFallbackConfig;
import houston.core.config.DnsFallbackConfig.Mode;
import houston.core.config.EngineConfig;
import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A publish the provider accepted but whose INSYNC could not be confirmed (its polls throttled) is
 * neither a failure nor live: not alerted, asked about again within seconds, live once confirmed.
 */
class AcceptedPublishTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    private Action.PublishPlan firstPublishAfterBreaking() {
        world.run(10);
        world.confirmPublishes = false;
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c");
        for (int s = 0; s < 60; s++) {
            List<Action.PublishPlan> published = world.tick().actions().stream()
                    .filter(Action.PublishPlan.class::isInstance).map(Action.PublishPlan.class::cast).toList();
            if (!published.isEmpty()) {
                return published.get(0);
            }
        }
        throw new AssertionError("no publish within 60 s of the break");
    }

    private List<Action.PublishPlan> publishesWithin(int seconds) {
        int before = world.all(Action.PublishPlan.class).size();
        world.run(seconds);
        List<Action.PublishPlan> all = world.all(Action.PublishPlan.class);
        return all.subList(before, all.size());
    }

    @Test
    void anAcceptedPublishIsNotAlertedAndIsAskedAboutAgainWithinSeconds() {
        Action.PublishPlan sent = firstPublishAfterBreaking();
        long generation = sent.plan().generation();

        world.outcome(new PlanPublished(generation, PublishStatus.ACCEPTED, "change C1 accepted; GetChange throttled",
                Duration.ofSeconds(4)));
        List<Action.PublishPlan> again = publishesWithin(5);

        assertEquals(List.of(generation), again.stream().map(p -> p.plan().generation()).distinct().toList());
        assertTrue(world.all(Action.Alert.class).stream().noneMatch(a -> a.kind() == AlertKind.DNS_PUBLISH_FAILED),
                "alerted: " + world.all(Action.Alert.class));
        assertTrue(world.state.liveGeneration() < generation, "live before INSYNC was confirmed");
    }

    @Test
    void theAcceptedGenerationIsLiveOnceConfirmedAndNotAskedAboutAfter() {
        long generation = firstPublishAfterBreaking().plan().generation();
        world.outcome(new PlanPublished(generation, PublishStatus.ACCEPTED, "change C1 accepted", Duration.ofSeconds(4)));
        world.run(1);

        world.outcome(new PlanPublished(generation, PublishStatus.INSYNC, "change C1 INSYNC", Duration.ofSeconds(1)));
        world.run(1);
        List<Action.PublishPlan> later = publishesWithin(30);

        assertEquals(generation, world.state.liveGeneration());
        assertTrue(later.stream().noneMatch(p -> p.plan().generation() == generation), "asked again: " + later);
    }

    /**
     * Accepted is not live: with its INSYNC polls refused the engine cannot know the weights changed, so
     * the DNS API is failing for the fallback's purpose and the clock a failed publish started keeps running.
     */
    @Test
    void anAcceptedPublishKeepsTheFailureClockRunning() {
        long generation = firstPublishAfterBreaking().plan().generation();
        world.outcome(new PlanPublished(generation, PublishStatus.FAILED, "Throttling", Duration.ofSeconds(4)));
        world.run(1);
        long since = world.state.dnsFallback().failingSince();

        world.outcome(new PlanPublished(generation, PublishStatus.ACCEPTED, "change C1 accepted", Duration.ofSeconds(4)));
        world.run(1);

        assertTrue(since > 0, "the failed publish started no clock");
        assertEquals(since, world.state.dnsFallback().failingSince());
    }

    /** Every change accepted, no INSYNC ever confirmed for fallback-after: the data plane evacuates the location. */
    @Test
    void publishesAcceptedButNeverConfirmedForFallbackAfterEngageTheDataPlane() {
        EngineHarness throttled = new EngineHarness(EngineConfig.defaults()
                .withDnsFallback(new DnsFallbackConfig(Mode.HEALTH_ENDPOINT, Duration.ofMinutes(2))), TestTopologies.row(15));
        throttled.run(10);
        throttled.pollsThrottled = true;

        throttled.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(4 * 60);

        assertEquals(List.of(List.of("loc-07")), throttled.all(Action.EngageFallback.class).stream()
                .map(Action.EngageFallback::locations).toList());
        assertEquals(List.of("loc-07"), throttled.state.dnsFallback().live());
    }
}
