package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.engine.OperatorCommand.Evacuate;
import houston.core.engine.OperatorCommand.Freeze;
import houston.core.engine.OperatorCommand.Pin;
import houston.core.engine.OperatorCommand.Restore;
import houston.core.engine.OperatorCommand.Unfreeze;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverridesTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    @Test
    void freezeHoldsAutomaticEvacuation() {
        world.run(10);
        world.command(new Freeze(Duration.ofMinutes(30), "maintenance", "U-alice")).tick();

        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(60);

        assertEquals(LocationState.SUSPECT, world.stateOf("loc-07"));
        assertEquals(List.of(), world.all(Action.PublishPlan.class));
        assertTrue(world.alerts(AlertKind.EVACUATION_HELD).get(0).message().contains("frozen by U-alice"));
    }

    @Test
    void unfreezeLetsTheHeldEvacuationGo() {
        world.run(10);
        world.command(new Freeze(Duration.ofMinutes(30), "maintenance", "U-alice")).tick();
        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(60);

        world.command(new Unfreeze("U-alice")).run(3);

        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
    }

    @Test
    void freezeExpiresAfterItsDuration() {
        world.run(10);
        world.command(new Freeze(Duration.ofSeconds(30), "", "U-alice")).tick();
        world.breakLocation("loc-07", "vantage-a", "vantage-b");

        world.run(35);

        assertEquals(1, world.decisions(DecisionKind.OVERRIDE_EXPIRED).size());
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-07"));
    }

    @Test
    void operatorEvacuationMovesAHealthyLocationAtOnceAndRecordsWhoAsked() {
        world.run(10);

        world.command(new Evacuate("loc-04", Duration.ofMinutes(20), "db migration", "U-bob")).run(2);

        assertEquals(LocationState.EVACUATED, world.stateOf("loc-04"));
        assertTrue(world.decisions(DecisionKind.EVACUATION_DECIDED).get(0).summary().contains("operator U-bob"));
    }

    @Test
    void pinnedEvacuatedLocationDoesNotFailBackWhileThePinHolds() {
        world.run(10);
        world.command(new Evacuate("loc-04", Duration.ofMinutes(20), "db migration", "U-bob")).run(2);

        world.run(19 * 60);

        assertEquals(LocationState.EVACUATED, world.stateOf("loc-04"));
    }

    @Test
    void expiredEvacuationPinHandsTheLocationBackToAutomation() {
        world.run(10);
        world.command(new Evacuate("loc-04", Duration.ofMinutes(20), "db migration", "U-bob")).run(2);

        world.run(20 * 60 + 60 + 5 + 3 * 31);

        assertEquals(LocationState.HEALTHY, world.stateOf("loc-04"));
        assertEquals(1, world.decisions(DecisionKind.OVERRIDE_EXPIRED).size());
    }

    @Test
    void pinnedHealthyLocationIsNeverEvacuatedAutomatically() {
        world.run(10);
        world.command(new Pin("loc-07", PinTarget.HEALTHY, Duration.ofHours(1), "U-carol")).tick();

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(60);

        assertEquals(LocationState.SUSPECT, world.stateOf("loc-07"));
        assertEquals(List.of(), world.all(Action.PublishPlan.class));
    }

    @Test
    void aPinsReasonIsToldWithItAndKeptOnTheOverride() {
        world.run(10);

        world.command(new Pin("loc-07", PinTarget.EVACUATED, Duration.ofHours(1), "db failover", "U-carol")).tick();

        assertEquals("pinned evacuated: db failover", world.state.overrides().pins().get("loc-07").reason());
        assertTrue(world.decisions(DecisionKind.OVERRIDE_APPLIED).get(0).summary().endsWith(": pinned evacuated: db failover"),
                world.decisions(DecisionKind.OVERRIDE_APPLIED).get(0).summary());
    }

    @Test
    void restoreStartsSteppedFailBackWithoutWaitingForTheUpHold() {
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);
        world.clear().run(6);

        world.command(new Restore("loc-07", "U-dave")).run(2);

        assertEquals(LocationState.RECOVERING, world.stateOf("loc-07"));
        assertEquals(0.25, world.fraction("loc-07", "loc-07"), 1e-9);
    }

    @Test
    void restoreOfAHealthyLocationIsRejected() {
        world.run(10);

        world.command(new Restore("loc-07", "U-dave")).tick();

        assertEquals(1, world.decisions(DecisionKind.COMMAND_REJECTED).size());
        assertEquals(List.of(), world.all(Action.PublishPlan.class));
    }

    @Test
    void commandForAnUnknownLocationIsRejectedAndChangesNothing() {
        world.run(10);

        world.command(new Evacuate("mars-north-1", null, "", "U-eve")).run(5);

        assertTrue(world.decisions(DecisionKind.COMMAND_REJECTED).get(0).summary().contains("unknown location 'mars-north-1'"));
        assertEquals(List.of(), world.all(Action.PublishPlan.class));
    }

    @Test
    void dryRunReportsTheEvacuationButPublishesAndScalesNothing() {
        EngineConfig dry = EngineConfig.defaults().withSafety(EngineConfig.defaults().safety().withDryRun(true));
        EngineHarness shadow = new EngineHarness(dry, TestTopologies.row(15));
        shadow.run(10);

        shadow.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);

        assertEquals(List.of(), shadow.all(Action.PublishPlan.class));
        assertEquals(List.of(), shadow.all(Action.PreScale.class));
        Decision decided = shadow.decisions(DecisionKind.EVACUATION_DECIDED).get(0);
        assertTrue(decided.dryRun());
        assertEquals(1, decided.explanation().placements().get(0).receivers().size());
    }
}
