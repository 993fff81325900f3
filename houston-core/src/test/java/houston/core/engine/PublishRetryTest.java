package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed publish is retried soon (throttling clears in seconds), backing off to publish-retry. */
class PublishRetryTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    /** Seconds between consecutive publishes while the DNS control plane refuses every one. */
    private List<Long> gapsWhileFailing(int seconds) {
        world.run(10);
        world.controlPlaneDown = true;
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c");
        List<Long> at = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            if (world.tick().actions().stream().anyMatch(Action.PublishPlan.class::isInstance)) {
                at.add(world.now.getEpochSecond());
            }
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < at.size(); i++) {
            gaps.add(at.get(i) - at.get(i - 1));
        }
        return gaps;
    }

    @Test
    void firstRetryComesWithinSecondsNotAfterTheWholePublishRetry() {
        List<Long> gaps = gapsWhileFailing(60);

        assertTrue(gaps.get(0) <= 4, "first retry after " + gaps.get(0) + "s: " + gaps);
    }

    @Test
    void retriesBackOffUpToPublishRetryAndNoFurther() {
        long cap = EngineConfig.defaults().safety().publishRetry().toSeconds();

        List<Long> gaps = gapsWhileFailing(600);

        assertTrue(gaps.get(3) > gaps.get(0), "no backoff: " + gaps);
        assertTrue(gaps.stream().allMatch(g -> g <= cap + 1), "past the cap " + cap + "s: " + gaps);
        List<Long> late = gaps.subList(gaps.size() - 5, gaps.size());
        assertTrue(late.stream().allMatch(g -> g >= cap * 3 / 4), "not at the cap after 10 min: " + gaps);
    }
}
