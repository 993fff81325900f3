package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.health.Outcome;
import houston.core.model.CapacityModel;
import houston.core.model.Location;
import houston.core.model.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A location failing because its own users overload it is grown, not evacuated. loc-00 runs 10
 * instances of 100 rps (1,000 rps at 100%); its catchment is measured at 400 rps normally and at
 * 1,500 in a flash crowd. Half its probes fail on every vantage (a degradation, not dead).
 */
class OwnOverloadTest {

    private final EngineHarness world = world();

    private static EngineHarness world() {
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            locations.add(TestTopologies.location(String.format("loc-%02d", i), 2 * i, 400,
                    new CapacityModel(10, 100, 1, 40, 0.5, Duration.ofSeconds(60))));
        }
        EngineHarness world = new EngineHarness(EngineConfig.defaults(), Topology.greatCircle(locations));
        for (int i = 0; i < 12; i++) {
            world.measuring(String.format("loc-%02d", i), 400);
        }
        return world.run(10);
    }

    /** Every other location at 96% of its 1,000 rps: past its ready ceiling, so no room takes loc-00's excess. */
    private void noRoomElsewhere() {
        for (int i = 1; i < 12; i++) {
            world.measuring(String.format("loc-%02d", i), 960);
        }
    }

    /** Every vantage sees {@code outcome} from loc-00 on every other tick, for {@code seconds}. */
    private void failEveryOtherTick(Outcome outcome, int seconds) {
        for (int s = 0; s < seconds; s++) {
            world.clear();
            if (s % 2 == 0) {
                world.fault("vantage-a", "loc-00", outcome).fault("vantage-b", "loc-00", outcome)
                        .fault("vantage-c", "loc-00", outcome);
            }
            world.tick();
        }
    }

    @Test
    void aLocationFailingUnderItsOwnCrowdWithNoRoomElsewhereIsAskedToGrowAndNotEvacuated() {
        noRoomElsewhere();
        world.confirmScaleUps = false;
        world.measuring("loc-00", 1500);

        failEveryOtherTick(Outcome.HTTP_ERROR, 300);

        assertEquals(List.of(), world.decisions(DecisionKind.EVACUATION_DECIDED));
        List<Decision> held = world.decisions(DecisionKind.EVACUATION_HELD);
        assertEquals(1, held.size(), held::toString);
        assertTrue(held.get(0).summary().contains("but not evacuated: overloaded by its own users: 1500 rps on 10 ready "
                + "instances serving 1000; asked to grow to 30 instances"), held.get(0).summary());
        assertTrue(world.all(Action.PreScale.class).stream()
                .anyMatch(p -> p.location().equals("loc-00") && p.instances() == 30), world.all(Action.PreScale.class)::toString);
        assertEquals(1.0, world.fraction("loc-00", "loc-00"), 1e-9);
    }

    @Test
    void theSameErrorsWithoutACrowdEvacuateIt() {
        failEveryOtherTick(Outcome.HTTP_ERROR, 300);

        assertEquals(1, world.decisions(DecisionKind.EVACUATION_DECIDED).size());
    }

    @Test
    void aDeadLocationIsEvacuatedCrowdOrNot() {
        world.measuring("loc-00", 1500);

        world.breakLocation("loc-00", "vantage-a", "vantage-b", "vantage-c").run(30);

        assertEquals(1, world.decisions(DecisionKind.EVACUATION_DECIDED).size());
    }

    /** A minute of failing under its crowd, then grown to carry it (30 instances), still failing for {@code seconds}. */
    private void crowdThenGrownStillFailing(int seconds) {
        noRoomElsewhere();
        world.confirmScaleUps = false;
        world.measuring("loc-00", 1500);
        failEveryOtherTick(Outcome.HTTP_ERROR, 60);
        world.running("loc-00", 30);
        failEveryOtherTick(Outcome.HTTP_ERROR, seconds);
    }

    @Test
    void errorsOfTheCrowdStillInTheTwoMinuteWindowDoNotEvacuateItOnceItHasGrown() {
        crowdThenGrownStillFailing(60);

        assertEquals(List.of(), world.decisions(DecisionKind.EVACUATION_DECIDED));
    }

    @Test
    void aLocationStillFailingTwoMinutesAfterItsCrowdIsEvacuated() {
        crowdThenGrownStillFailing(180);

        assertEquals(1, world.decisions(DecisionKind.EVACUATION_DECIDED).size());
    }

    @Test
    void whenItsScaleUpFailsTheHoldEndsAndTheScalerIsAskedOnceNotEveryTick() {
        noRoomElsewhere();
        world.confirmScaleUps = false;
        world.measuring("loc-00", 1500);
        failEveryOtherTick(Outcome.HTTP_ERROR, 60);
        assertEquals(List.of(), world.decisions(DecisionKind.EVACUATION_DECIDED));

        world.measuring("loc-00", 1700)
                .outcome(new ActionOutcome.ScaleResult("loc-00", 30, ActionOutcome.ScaleStatus.FAILED, "scaler error"));
        failEveryOtherTick(Outcome.HTTP_ERROR, 60);

        assertEquals(1, world.decisions(DecisionKind.EVACUATION_DECIDED).size());
        assertEquals(1, world.all(Action.PreScale.class).stream().filter(p -> p.location().equals("loc-00")).count(),
                world.all(Action.PreScale.class)::toString);
        assertEquals(1, world.alerts(AlertKind.SCALER_FAILED).size());
    }

    @Test
    void aCrowdWithRoomElsewhereSendsOnlyItsExcessThereAndTheLocationIsAskedToGrow() {
        world.confirmScaleUps = false;
        world.measuring("loc-00", 1500);

        world.run(10);

        double home = world.fraction("loc-00", "loc-00");
        assertTrue(home * 1500 <= 970 && home * 1500 >= 800, "loc-00 keeps what its 10 instances carry: " + home);
        assertEquals(1 - home, world.fraction("loc-00", "loc-01") + world.fraction("loc-00", "loc-02"), 1e-9);
        assertEquals(List.of(), world.decisions(DecisionKind.EVACUATION_DECIDED));
        assertEquals(1, world.all(Action.PreScale.class).stream()
                .filter(p -> p.location().equals("loc-00") && p.instances() == 30).count());
        assertTrue(world.decisions(DecisionKind.TRAFFIC_SHIFTING).get(0).summary()
                .contains("not evacuated: it is short of capacity, not failing"));
    }

    @Test
    void theSpilledUsersComeHomeOnceItHasGrown() {
        world.confirmScaleUps = false;
        world.measuring("loc-00", 1500);
        world.run(10);

        world.running("loc-00", 30);
        world.run(5);
        double soonAfter = world.fraction("loc-00", "loc-00");
        world.run(180);

        assertTrue(soonAfter < 0.7, "not back within seconds of the spill (a crowd that ebbs and swells): " + soonAfter);
        assertEquals(1.0, world.fraction("loc-00", "loc-00"), 1e-9);
    }

    @Test
    void errorsThatOutlastTheSpillByTheWindowAreAFaultAndEvacuateIt() {
        world.confirmScaleUps = false;
        world.measuring("loc-00", 1500);

        failEveryOtherTick(Outcome.HTTP_ERROR, 200);

        assertEquals(1, world.decisions(DecisionKind.EVACUATION_DECIDED).size());
    }

    @Test
    void errorsThatStopOnceTheExcessHasLeftDoNotEvacuateIt() {
        world.confirmScaleUps = false;
        world.measuring("loc-00", 1500);

        // Its errors stop once resolvers follow the spill's weights, well within a minute of it.
        failEveryOtherTick(Outcome.HTTP_ERROR, 45);
        world.clear().run(150);

        assertEquals(List.of(), world.decisions(DecisionKind.EVACUATION_DECIDED), world.all(Action.Notify.class).stream().map(n -> n.decision().at() + " " + n.decision().summary()).toList().toString());
    }

    @Test
    void aSteadyCrowdIsSpilledOnceNotEveryTick() {
        world.confirmScaleUps = false;
        world.measuring("loc-00", 1500);

        world.run(120);

        assertEquals(1, world.decisions(DecisionKind.TRAFFIC_SHIFTING).size(),
                world.decisions(DecisionKind.TRAFFIC_SHIFTING)::toString);
    }

    @Test
    void whileDnsPublishesFailAFailedScaleUpDoesNotEndTheHoldForNothingCanSpillTheExcess() {
        world.controlPlaneDown = true;
        world.confirmScaleUps = false;
        world.measuring("loc-00", 1500);
        failEveryOtherTick(Outcome.HTTP_ERROR, 60);

        world.outcome(new ActionOutcome.ScaleResult("loc-00", 30, ActionOutcome.ScaleStatus.FAILED, "scaler error"));
        failEveryOtherTick(Outcome.HTTP_ERROR, 300);

        // Evacuating it would move the whole crowd onto receivers (through the data plane, or the API's return).
        assertEquals(List.of(), world.decisions(DecisionKind.EVACUATION_DECIDED));
    }

    @Test
    void whenTheDnsApiIsBackAFailedScaleUpsCrowdIsSpilledRatherThanEvacuated() {
        // Publishes fail (an operator's evacuation of loc-11 cannot go out) before loc-00's crowd comes.
        world.controlPlaneDown = true;
        world.confirmScaleUps = false;
        world.command(new OperatorCommand.Evacuate("loc-11", java.time.Duration.ofHours(1), "drill", "U-ops")).run(5);
        world.measuring("loc-00", 1500);
        failEveryOtherTick(Outcome.HTTP_ERROR, 60);
        world.outcome(new ActionOutcome.ScaleResult("loc-00", 30, ActionOutcome.ScaleStatus.FAILED, "scaler error"));
        failEveryOtherTick(Outcome.HTTP_ERROR, 30);
        double homeWhileDown = world.fraction("loc-00", "loc-00");

        world.controlPlaneDown = false;
        failEveryOtherTick(Outcome.HTTP_ERROR, 60);

        assertEquals(1.0, homeWhileDown, 1e-9, "nothing spills while publishes fail");
        assertTrue(world.decisions(DecisionKind.EVACUATION_DECIDED).stream().noneMatch(d -> d.location().equals("loc-00")),
                world.decisions(DecisionKind.EVACUATION_DECIDED)::toString);
        assertTrue(world.fraction("loc-00", "loc-00") < 0.7, "its excess spilled: " + world.fraction("loc-00", "loc-00"));
    }

    @Test
    void aSpilledShareWithNoRoomLeftGoesBackHomeRatherThanOverloadAReceiverWhoseOwnCrowdCame() {
        world.confirmScaleUps = false;
        world.measuring("loc-00", 1500).run(10);
        assertTrue(world.fraction("loc-00", "loc-01") > 0.2, "spilled to loc-01 first");

        // Everyone's own crowd comes: no room anywhere, loc-01 past its line with loc-00's users on it.
        noRoomElsewhere();
        world.run(5);

        assertEquals(0.0, world.fraction("loc-00", "loc-01"), 1e-9);
        assertTrue(world.decisions(DecisionKind.TRAFFIC_SHIFTING).stream()
                .anyMatch(d -> d.summary().startsWith("loc-00's users moving off loc-01") && d.summary().contains("home")),
                world.decisions(DecisionKind.TRAFFIC_SHIFTING)::toString);
    }
}
