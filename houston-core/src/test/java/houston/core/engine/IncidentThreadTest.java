package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.config.HysteresisConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** An incident is one Slack thread: it opens with the suspicion and carries every later step. */
class IncidentThreadTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    @Test
    void aLocationStartedEvacuatedFromDnsOpensAnIncidentOfThatStartNotOneSharedByEveryRestart() {
        world.run(10);
        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(10);
        houston.core.model.TrafficPlan live = world.state.plan();

        EngineState first = world.engine.initialState(java.time.Instant.parse("2026-12-01T08:00:00.250Z"), live, 3);
        EngineState second = world.engine.initialState(java.time.Instant.parse("2026-12-02T09:30:00Z"), live, 3);

        int l = world.topology.indexOf("loc-07");
        assertEquals("loc-07@2026-12-01T08:00:00Z", first.tracks().get(l).incident());
        assertEquals("loc-07@2026-12-02T09:30:00Z", second.tracks().get(l).incident());
    }

    @Test
    void theSuspicionOpensTheIncidentTheEvacuationContinues() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(10);

        String opened = world.decisions(DecisionKind.SUSPECTED).get(0).incident();
        assertNotNull(opened);
        assertEquals(opened, world.decisions(DecisionKind.EVACUATION_DECIDED).get(0).incident());
        assertEquals(opened, world.decisions(DecisionKind.TRAFFIC_SHIFTED).get(0).incident());
    }

    @Test
    void aClearedSuspicionIsToldInItsThreadAndTheNextOneOpensANewThread() {
        EngineConfig d = EngineConfig.defaults();
        EngineConfig patient = new EngineConfig(d.health(), new HysteresisConfig(0.5, 0.9, 0.1, Duration.ofSeconds(30),
                Duration.ofSeconds(60)), d.failback(), d.planner(), d.safety());
        EngineHarness world = new EngineHarness(patient, TestTopologies.row(15));
        // Two minutes of history: three failed probes are then a blip, not a 5% error rate.
        world.run(120);
        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(3);
        world.clear().run(70);

        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(3);

        List<Decision> suspected = world.decisions(DecisionKind.SUSPECTED);
        assertEquals(suspected.get(0).incident(), world.decisions(DecisionKind.CLEARED).get(0).incident());
        assertNotEquals(suspected.get(0).incident(), suspected.get(1).incident());
    }

    @Test
    void aReceiverBecomingReadyIsToldInTheEvacueesThread() {
        world.run(10);

        world.breakLocation("loc-07", "vantage-a", "vantage-b").run(10);

        String incident = world.decisions(DecisionKind.EVACUATION_DECIDED).get(0).incident();
        List<Decision> ready = world.decisions(DecisionKind.SCALE_UPDATE);
        // One receiver (loc-06) holds all of loc-07's users: one readiness update, in loc-07's thread.
        assertEquals(1, ready.size());
        assertEquals(List.of(incident), ready.stream().map(Decision::incident).toList());
    }

    @Test
    void anOperatorsEvacuationOpensItsThreadWithThePinAndTheEvacuationRepliesInIt() {
        world.run(10);

        world.command(new OperatorCommand.Evacuate("loc-07", Duration.ofHours(1), "db migration", "U-ops")).run(10);

        Decision pinned = world.decisions(DecisionKind.OVERRIDE_APPLIED).get(0);
        assertNotNull(pinned.incident(), pinned.summary());
        assertEquals(pinned.incident(), world.decisions(DecisionKind.EVACUATION_DECIDED).get(0).incident());
        assertEquals(pinned.incident(), world.decisions(DecisionKind.TRAFFIC_SHIFTED).get(0).incident());
    }
}
