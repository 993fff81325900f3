package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.engine.OperatorCommand.Evacuate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminismTest {

    private EngineHarness eventfulNight() {
        EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(20);
        world.command(new Evacuate("loc-02", Duration.ofMinutes(5), "drill", "U-ops")).run(30);
        world.clear().run(400);
        return world;
    }

    @Test
    void replayingTheSameInputsGivesIdenticalActions() {
        EngineHarness original = eventfulNight();
        DecisionEngine engine = new DecisionEngine(EngineConfig.defaults(), TestTopologies.row(15));

        EngineState state = engine.initialState(EngineHarness.START);
        List<Action> replayed = new ArrayList<>();
        for (int i = 0; i < original.journal.size(); i++) {
            Step step = engine.step(state, original.journal.get(i), original.journalTimes.get(i));
            replayed.addAll(step.actions());
            state = step.next();
        }

        assertEquals(original.actions, replayed);
        assertTrue(original.actions.size() > 20);
    }

    @Test
    void planGenerationsOnlyGrow() {
        EngineHarness world = eventfulNight();

        List<Long> generations = world.all(Action.PublishPlan.class).stream().map(p -> p.plan().generation()).toList();

        for (int i = 1; i < generations.size(); i++) {
            assertTrue(generations.get(i) > generations.get(i - 1), "generations " + generations);
        }
        assertTrue(generations.size() >= 6, "generations " + generations);
    }

    @Test
    void aStepLeavesThePreviousStateUntouched() {
        EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(3);
        EngineState before = world.state;
        long generation = before.plan().generation();

        world.tick();

        assertEquals(generation, before.plan().generation());
        assertEquals(houston.core.model.LocationState.SUSPECT, before.track(7).state());
    }
}
