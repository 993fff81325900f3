package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.health.Outcome;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed or timed-out pre-scale is not ready: receivers are planned on the instances they really run. */
class FailedPreScaleTest {

    private static double load(EngineHarness world, String location) {
        return world.state.plan().loads(world.state.demand())[world.topology.indexOf(location)];
    }

    private static boolean told(EngineHarness world, String text) {
        return world.all(Action.Notify.class).stream().anyMatch(n -> n.decision().summary().contains(text));
    }

    @Test
    void aReceiverWhosePreScaleFailedIsPlannedOnItsReadyInstancesAndOthersTakeTheRest() {
        // 800 rps per catchment on 10 instances of 100 rps: 900 rps each at the 0.9 ceiling of what they run.
        EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.equator(800,
                java.util.stream.IntStream.range(0, 15).asDoubleStream().toArray()));
        world.confirmScaleUps = false;
        world.run(10);
        world.fault("vantage-a", "loc-07", Outcome.SLOW).fault("vantage-b", "loc-07", Outcome.SLOW);
        while (world.decisions(DecisionKind.EVACUATION_DECIDED).isEmpty()) {
            world.tick();
        }
        String failed = world.all(Action.PreScale.class).get(0).location();

        for (Action.PreScale p : world.all(Action.PreScale.class)) {
            world.outcome(new ActionOutcome.ScaleResult(p.location(), p.instances(), p.location().equals(failed)
                    ? ActionOutcome.ScaleStatus.FAILED : ActionOutcome.ScaleStatus.READY, "quota"));
        }
        world.confirmScaleUps = true;
        world.run(5);

        assertEquals(0.0, world.fraction("loc-07", "loc-07"), 1e-9);
        assertTrue(load(world, failed) <= 900 + 1e-6, failed + " carries " + load(world, failed));
        assertTrue(told(world, failed + " failed to grow (failed: quota)"), "the evacuee's thread says so");
    }

    @Test
    void reachingPrescaleTimeoutDoesNotMoveTheWaitingShareOntoReceiversThatNeverGrew() {
        // 800 rps per catchment on 10 ready instances of 100 rps: a dead location moves at once only
        // what ready instances carry; its receivers never report.
        EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.equator(800,
                java.util.stream.IntStream.range(0, 15).asDoubleStream().toArray()));
        world.confirmScaleUps = false;
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c");
        while (world.stateOf("loc-07") != houston.core.model.LocationState.EVACUATED) {
            world.tick();
        }

        world.run(320);

        for (String r : world.topology.ids()) {
            if (!r.equals("loc-07")) {
                assertTrue(load(world, r) <= 900 + 1e-6, r + " carries " + load(world, r) + " on 10 ready instances");
            }
        }
        assertTrue(told(world, "failed to grow (not ready by prescale-timeout)"), "the evacuee's thread says so");
    }

    @Test
    void aReceiverThatCannotGrowKeepsWhatItsReadyInstancesCarryBelowTheCeilingInsteadOfSendingItFarther() {
        // 400 rps per catchment on 10 instances of 100 rps at target 0.5: loc-06 carries its own 400
        // and loc-07's 400 on 10 instances at 80% of what they serve, below the 0.9 ceiling. Planning
        // it at its target (500) would push 300 rps onto farther receivers for the whole outage.
        EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));
        world.confirmScaleUps = false;
        world.run(10);
        world.fault("vantage-a", "loc-07", Outcome.SLOW).fault("vantage-b", "loc-07", Outcome.SLOW);
        while (world.decisions(DecisionKind.EVACUATION_DECIDED).isEmpty()) {
            world.tick();
        }
        Action.PreScale asked = world.all(Action.PreScale.class).get(0);

        world.outcome(new ActionOutcome.ScaleResult(asked.location(), asked.instances(), ActionOutcome.ScaleStatus.FAILED,
                "quota"));
        world.run(5 * 60 + 10);

        assertEquals("loc-06", asked.location());
        assertEquals(1.0, world.fraction("loc-07", "loc-06"), 1e-9);
        assertEquals(800, load(world, "loc-06"), 1e-6);
    }
}
