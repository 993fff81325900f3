package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.plan.Placement;
import houston.core.plan.ReceiverShare;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Measured demand and running instances, when read, are what the planner plans on; else the configured ones. */
class MeasuredReadingsTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    private Placement evacuationOf(String location) {
        return world.decisions(DecisionKind.EVACUATION_DECIDED).stream().filter(d -> d.location().equals(location))
                .findFirst().orElseThrow().explanation().placements().get(0);
    }

    @Test
    void anEvacuationMovesTheMeasuredDemandOntoTheInstancesActuallyRunning() {
        // loc-07 runs what its 1,200 rps need, so none of it is spilled before it dies.
        world.demand("loc-07", 1200).running("loc-07", 20).running("loc-06", 25).run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);

        Placement p = evacuationOf("loc-07");
        assertEquals(1200, p.movedRps(), 1e-9);
        ReceiverShare loc06 = p.receivers().stream().filter(r -> r.location().equals("loc-06")).findFirst().orElseThrow();
        assertEquals(25, loc06.instancesBefore());
    }

    @Test
    void withoutReadingsTheConfiguredPeakAndInstancesAreUsed() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(10);

        Placement p = evacuationOf("loc-07");
        assertEquals(400, p.movedRps(), 1e-9);
        assertEquals(10, p.receivers().get(0).instancesBefore());
    }
}
