package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.model.CapacityModel;
import houston.core.model.Location;
import houston.core.model.LocationState;
import houston.core.model.Topology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A receiver whose load passes its ready instances after the evacuation was placed sheds evacuees'
 * users to other receivers' ready room. loc-00 (400 rps) dies and all of it goes to its nearest,
 * loc-01 (200 rps of its own), grown to 12 instances of 100 rps (1,080 at the 0.9 ceiling). Then
 * loc-00's catchment spikes to 1,200 rps: loc-01 would carry 1,400 on 1,200 of ready instances.
 */
class ReceiverReliefTest {

    private EngineHarness world;

    @BeforeEach
    void loc00IsEvacuatedToItsNearest() {
        List<Location> locations = new ArrayList<>();
        locations.add(location("loc-00", 0, 400));
        locations.add(location("loc-01", 1, 200));
        for (int i = 2; i < 12; i++) {
            locations.add(location(String.format("loc-%02d", i), 28 + 2 * i, 100));
        }
        world = new EngineHarness(EngineConfig.defaults(), Topology.greatCircle(locations));
        world.measuring("loc-00", 400).measuring("loc-01", 200).run(10);
        world.breakLocation("loc-00", "vantage-a", "vantage-b", "vantage-c");
        while (world.stateOf("loc-00") != LocationState.EVACUATED) {
            world.tick();
        }
        world.run(5);
        world.confirmScaleUps = false;
    }

    private static Location location(String id, double longitude, double demand) {
        return TestTopologies.location(id, longitude, demand, new CapacityModel(10, 100, 1, 40, 0.5, Duration.ofSeconds(60)));
    }

    private double load(String location) {
        return world.state.plan().loads(world.state.demand())[world.topology.indexOf(location)];
    }

    @Test
    void beforeTheSpikeTheNearestCarriesAllOfIt() {
        assertEquals(1.0, world.fraction("loc-00", "loc-01"), 1e-9);
        assertEquals(12, world.state.instances()[world.topology.indexOf("loc-01")]);
    }

    @Test
    void whenTheEvacueesDemandGrowsPastTheReceiversReadyInstancesTheExcessMovesToReadyRoomAtOnce() {
        world.measuring("loc-00", 1200).run(2);

        assertEquals(1080, load("loc-01"), 1e-6);
        assertEquals(320.0 / 1200, world.fraction("loc-00", "loc-02"), 1e-9);
        assertTrue(world.all(Action.PreScale.class).stream()
                        .anyMatch(p -> p.location().equals("loc-01") && p.instances() == 28),
                world.all(Action.PreScale.class)::toString);
        List<Decision> relieved = world.decisions(DecisionKind.TRAFFIC_SHIFTING).stream()
                .filter(d -> d.summary().startsWith("loc-00's users moving off loc-01: it carries 1400 rps")).toList();
        assertEquals(1, relieved.size(), world.decisions(DecisionKind.TRAFFIC_SHIFTING)::toString);
    }

    @Test
    void aReceiverBetweenItsCeilingAndTheReliefLineKeepsItsUsers() {
        // 1,150 rps on 1,200 ready: past the 0.9 ceiling, below 97%.
        world.measuring("loc-00", 950).run(5);

        assertEquals(1.0, world.fraction("loc-00", "loc-01"), 1e-9);
    }

    @Test
    void onceTheReceiverHasGrownTheUsersComeBackNearer() {
        world.measuring("loc-00", 1200).run(2);

        world.running("loc-01", 28).run(Math.toIntExact(Reconsolidation.INTERVAL_MS / 1000) + 5);

        assertEquals(1.0, world.fraction("loc-00", "loc-01"), 1e-9);
    }

    @Test
    void whileAutomationIsFrozenNothingMoves() {
        world.command(new OperatorCommand.Freeze(Duration.ofHours(1), "game day", "U-ops")).run(1);

        world.measuring("loc-00", 1200).run(5);

        assertEquals(1.0, world.fraction("loc-00", "loc-01"), 1e-9);
    }

    /** loc-00's catchment read every second, rising by {@code perSecond} rps until loc-01 is first relieved. */
    private double rampUntilRelieved(double perSecond) {
        double demand = 400;
        for (int s = 0; s < 120 && world.decisions(DecisionKind.TRAFFIC_SHIFTING).stream()
                .noneMatch(d -> d.summary().startsWith("loc-00's users moving off loc-01")); s++) {
            demand += perSecond;
            world.measuring("loc-00", demand).tick();
        }
        return load("loc-01");
    }

    @Test
    void aReceiverOnARisingLoadIsRelievedBeforeItPassesTheLineForWhereTheLoadWillBeOnceTheMoveIsFelt() {
        // 8 rps a second, 2% of loc-00's 400: a crowd building, well past a reading's noise.
        double carried = rampUntilRelieved(8);

        Decision relief = world.decisions(DecisionKind.TRAFFIC_SHIFTING).stream()
                .filter(d -> d.summary().startsWith("loc-00's users moving off loc-01")).findFirst().orElseThrow();
        assertTrue(relief.summary().contains("once its rising demand is felt"), relief.summary());
        double relievedAt = Double.parseDouble(relief.summary().replaceAll(".*it carries (\\d+) rps.*", "$1"));
        assertTrue(relievedAt < ReceiverRelief.RELIEF_AT * 1200, "relieved at " + relievedAt + " rps, before the line");
        assertTrue(carried < 1080, "left room for the rise: " + carried);
    }

    /**
     * A reading is a rate over the minute before it: it trails the crowd by half that minute, and the
     * move it triggers is felt a minute later. Carried only a minute ahead, a catchment doubling within
     * two minutes was over its receiver's ready instances before the relief was felt (27 s of overload
     * when ap-northeast-1's catchment spiked during its outage).
     */
    @Test
    void aRiseIsCarriedAheadOverTheReadingsLagAsWellAsTheMovesLead() {
        // 4 rps a second: what it adds in a minute and a half stays below the catchment's own demand (the cap).
        rampUntilRelieved(4);

        Decision relief = world.decisions(DecisionKind.TRAFFIC_SHIFTING).stream()
                .filter(d -> d.summary().startsWith("loc-00's users moving off loc-01")).findFirst().orElseThrow();
        double now = Double.parseDouble(relief.summary().replaceAll(".*it carries (\\d+) rps.*", "$1"));
        double ahead = Double.parseDouble(relief.summary().replaceAll(".*\\((\\d+) once its rising demand is felt.*", "$1"));
        assertEquals(4 * (RisingDemand.LEAD_MS + houston.core.config.DemandConfig.DEFAULT_READING_LAG.toMillis()) / 1000.0, ahead - now, 1.0, relief.summary());
    }

    @Test
    void readingsThatWanderWithinTheirNoiseAreNoTrend() {
        // ±1% a second around 1,150 rps on loc-01 (between its ceiling and the line): never relieved.
        world.measuring("loc-00", 950).run(2);
        for (int s = 0; s < 60; s++) {
            world.measuring("loc-00", s % 2 == 0 ? 960 : 940).tick();
        }

        assertEquals(1.0, world.fraction("loc-00", "loc-01"), 1e-9);
    }

    @Test
    void aReceiverFailingForTheLoadItWasJustRelievedOfIsNotEvacuatedForIt() {
        world.measuring("loc-00", 1200).run(2);

        // Half its probes fail for a minute (its overload, until the move is felt): bad, but not dead.
        for (int s = 0; s < 60; s++) {
            world.clear();
            if (s % 2 == 0) {
                world.fault("vantage-a", "loc-01", houston.core.health.Outcome.HTTP_ERROR)
                        .fault("vantage-b", "loc-01", houston.core.health.Outcome.HTTP_ERROR)
                        .fault("vantage-c", "loc-01", houston.core.health.Outcome.HTTP_ERROR);
            }
            world.tick();
        }

        assertTrue(world.decisions(DecisionKind.EVACUATION_DECIDED).stream().noneMatch(d -> d.location().equals("loc-01")),
                world.decisions(DecisionKind.EVACUATION_DECIDED)::toString);
        assertTrue(world.decisions(DecisionKind.EVACUATION_HELD).stream().anyMatch(d -> d.location().equals("loc-01")),
                world.decisions(DecisionKind.EVACUATION_HELD)::toString);
    }
}
