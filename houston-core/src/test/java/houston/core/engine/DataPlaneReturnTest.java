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

/**
 * A location evacuated through the data plane recovers while the DNS API is still down: its
 * records are answered again (the weights DNS holds keep it at home), unless it cannot carry its
 * catchment in one step; either way the thread says which.
 */
class DataPlaneReturnTest {

    private static final String[] ALL = {"vantage-a", "vantage-b", "vantage-c"};

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults()
            .withDnsFallback(new DnsFallbackConfig(Mode.HEALTH_ENDPOINT, Duration.ofMinutes(2))), TestTopologies.row(15));

    /** loc-07 dies with the API down, is evacuated through the data plane, then recovers; the API stays down. */
    private void loc07RecoversWhileTheApiIsDown() {
        world.run(10);
        world.controlPlaneDown = true;
        world.breakLocation("loc-07", ALL).run(200);
        assertEquals(List.of("loc-07"), world.state.dnsFallback().live());
        world.clear();
    }

    @Test
    void aRecoveredLocationIsBroughtBackThroughTheDataPlane() {
        loc07RecoversWhileTheApiIsDown();

        world.run(200);

        assertEquals(List.of(), world.state.dnsFallback().live());
        assertEquals(LocationState.HEALTHY, world.stateOf("loc-07"));
        assertEquals(1.0, world.fraction("loc-07", "loc-07"), 1e-9);
        Decision restored = world.decisions(DecisionKind.RESTORED).get(0);
        assertTrue(restored.summary().startsWith("loc-07 healthy again: brought back through the data plane"),
                restored.summary());
        assertEquals(world.decisions(DecisionKind.EVACUATION_DECIDED).get(0).incident(), restored.incident());
    }

    @Test
    void theApiBackPublishesItAtHomeAndMovesNothingMore() {
        loc07RecoversWhileTheApiIsDown();
        world.run(200);
        int before = world.actions.size();

        world.controlPlaneDown = false;
        world.run(60);

        List<Action> after = world.actions.subList(before, world.actions.size());
        assertTrue(after.stream().filter(Action.PublishPlan.class::isInstance).map(Action.PublishPlan.class::cast)
                .allMatch(p -> p.plan().isHome(world.topology.indexOf("loc-07"))), after.toString());
        assertEquals(LocationState.HEALTHY, world.stateOf("loc-07"));
        assertTrue(world.state.dnsFallback().idle(), world.state.dnsFallback().toString());
    }

    @Test
    void aRecoveredLocationThatCannotCarryItsCatchmentIsHeldOutWithItsReason() {
        loc07RecoversWhileTheApiIsDown();
        world.running("loc-07", 1);

        world.run(200);

        assertEquals(List.of("loc-07"), world.state.dnsFallback().live());
        List<String> held = world.decisions(DecisionKind.EVACUATION_HELD).stream().map(Decision::summary)
                .filter(s -> s.startsWith("loc-07 healthy, held out until the DNS API returns")).toList();
        assertEquals(1, held.size(), world.decisions(DecisionKind.EVACUATION_HELD).toString());
    }
}
