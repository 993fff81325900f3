package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.config.DnsFallbackConfig;
import houston.core.config.DnsFallbackConfig.Mode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scaler that keeps failing is asked again less and less often, and pages once per location: asked
 * again on every tick that still wanted the room, it paged on-call thousands of times in one outage.
 */
class FailingScalerTest {

    /**
     * The DNS API down, every location but loc-07 busy (880 rps on 10 instances of 100), loc-07 dies:
     * the data-plane fallback wants the floors to grow, and OwnOverload the floors its users crowd.
     */
    private static EngineHarness outageWithFailingScaler() {
        EngineHarness world = new EngineHarness(EngineConfig.defaults()
                .withDnsFallback(new DnsFallbackConfig(Mode.HEALTH_ENDPOINT, Duration.ofMinutes(2))), TestTopologies.row(15));
        world.scalerFails = true;
        world.topology.ids().stream().filter(id -> !id.equals("loc-07")).forEach(id -> world.measuring(id, 880));
        world.measuring("loc-07", 400);
        world.run(10);
        world.controlPlaneDown = true;
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c");
        return world;
    }

    @Test
    void aLocationWhoseScaleUpsKeepFailingIsAskedAgainAfterAGrowingWait() {
        EngineHarness world = outageWithFailingScaler();

        world.run(30 * 60);

        Map<String, Long> asked = world.all(Action.PreScale.class).stream()
                .collect(Collectors.groupingBy(Action.PreScale::location, Collectors.counting()));
        assertTrue(!asked.isEmpty(), "receivers were asked to grow");
        // Waits of 30 s, 60 s, 120 s, 240 s, then every 300 s: at most 10 asks in 30 minutes.
        asked.forEach((location, times) -> assertTrue(times <= 10, location + " asked " + times + " times"));
    }

    @Test
    void aFailingScalerPagesOncePerLocationAndTellsTheRestInTheThread() {
        EngineHarness world = outageWithFailingScaler();

        world.run(30 * 60);

        Map<String, Long> paged = world.alerts(AlertKind.SCALER_FAILED).stream()
                .collect(Collectors.groupingBy(a -> a.decision().location(), Collectors.counting()));
        paged.forEach((location, times) -> assertEquals(1L, times, location + " paged " + times + " times"));
        assertTrue(world.all(Action.Notify.class).stream().anyMatch(n -> n.decision().summary()
                .contains("still failing")), "later failures are told, not paged");
    }

    @Test
    void aScalerThatWorksAgainIsAskedWithinTheLongestWait() {
        EngineHarness world = outageWithFailingScaler();
        world.run(30 * 60);

        world.scalerFails = false;
        world.run(5 * 60 + 10);

        int grown = 0;
        for (int l = 0; l < world.topology.size(); l++) {
            grown += world.state.instances()[l] > 10 ? 1 : 0;
            assertEquals(0, world.state.requested()[l], world.topology.location(l).id() + " still waits");
        }
        assertTrue(grown >= 2, grown + " receivers grew once the scaler worked again");
    }
}
