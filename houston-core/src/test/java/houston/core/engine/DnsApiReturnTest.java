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

/**
 * The DNS API comes back after an evacuation that changed while it was down: only the plan the
 * engine wants now is published, once, and the messages name the generation that is live.
 */
class DnsApiReturnTest {

    private static final String[] ALL = {"vantage-a", "vantage-b", "vantage-c"};

    // 800 rps per catchment, 100 rps of ready headroom each: a dead loc-07 first spills over many
    // locations, then moves to loc-06 alone once loc-06 has grown.
    private final EngineHarness world = new EngineHarness(EngineConfig.defaults()
            .withDnsFallback(new DnsFallbackConfig(Mode.HEALTH_ENDPOINT, Duration.ofMinutes(2))),
            TestTopologies.equator(800, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14));

    /** loc-07 dies with the API down; its receivers grow while the API is still down; the API returns. */
    private List<Action.PublishPlan> publishesAfterTheApiReturns() {
        world.confirmScaleUps = false;
        world.run(10);
        world.controlPlaneDown = true;
        world.breakLocation("loc-07", ALL).run(8);
        for (Action.PreScale p : world.all(Action.PreScale.class)) {
            world.outcome(new ActionOutcome.ScaleResult(p.location(), p.instances(), ActionOutcome.ScaleStatus.READY,
                    ""));
        }
        world.run(180);
        int before = world.actions.size();
        world.controlPlaneDown = false;
        world.run(40);
        return world.actions.subList(before, world.actions.size()).stream()
                .filter(Action.PublishPlan.class::isInstance).map(Action.PublishPlan.class::cast).toList();
    }

    @Test
    void theApiBackPublishesOnlyTheFinalPlanNotTheInterimOneOfAnEarlierGeneration() {
        List<Action.PublishPlan> published = publishesAfterTheApiReturns();

        assertEquals(1, published.size(), published.toString());
        assertEquals(1.0, published.get(0).plan().fraction("loc-07", "loc-06"), 1e-9);
        assertEquals(world.state.plan().generation(), published.get(0).plan().generation());
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
    }

    @Test
    void theShiftIsToldWithTheGenerationThatIsLive() {
        publishesAfterTheApiReturns();

        List<Decision> shifted = world.decisions(DecisionKind.TRAFFIC_SHIFTED);
        assertEquals(List.of("loc-07 evacuated: plan generation " + world.state.liveGeneration() + " is live in DNS"),
                shifted.stream().map(Decision::summary).toList());
    }
}
