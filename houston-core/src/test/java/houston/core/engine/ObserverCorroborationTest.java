package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fail-static guards against broken observers, not against real outages: bad verdicts every trusted
 * vantage corroborates, while the same vantages see the other locations fine, are acted on; vantages
 * outvoted by the rest are discounted, even two of three.
 */
class ObserverCorroborationTest {

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    @Test
    void twoVantagesSeeingEverythingBadAreOutvotedByTheThirdAndTheServicesAndTheRealOutageIsEvacuated() {
        world.servicesHealthyExcept("loc-03").run(10);

        world.breakLocation("*", "vantage-a", "vantage-b").breakLocation("loc-03", "vantage-c").run(30);

        assertEquals(List.of("vantage-a", "vantage-b"), world.state.report().suspectVoterNames());
        assertEquals(LocationState.EVACUATED, world.stateOf("loc-03"));
        assertFalse(world.state.failStatic());
        assertEquals(List.of("Houston sees through 1 of 3 vantages (quorum 2): discounted vantage-a, vantage-b, which "
                        + "see most locations bad where the others see them fine; deciding on the rest"),
                world.alerts(AlertKind.FAIL_STATIC).stream().map(Action.Alert::message).toList());
    }

    @Test
    void twoVantagesAgainstOneWithoutServiceSignalsCannotBeToldApartAndFailStatic() {
        world.run(10);

        world.breakLocation("*", "vantage-a", "vantage-b").run(30);

        assertTrue(world.state.failStatic());
        assertEquals(List.of(), world.all(Action.PublishPlan.class));
        assertTrue(world.alerts(AlertKind.FAIL_STATIC).get(0).message().contains("sees through 3 of 3 vantages"));
    }

    @Test
    void oneVantageSeeingTenBadWhileTheOthersSeeThemFineEvacuatesNothing() {
        world.run(10);
        IntStream.range(0, 10).forEach(i -> world.breakLocation(String.format("loc-%02d", i), "vantage-c"));

        world.run(60);

        assertEquals(List.of(), world.all(Action.PublishPlan.class));
        assertEquals(List.of(), world.all(Action.Alert.class));
        assertTrue(world.topology.ids().stream().allMatch(id -> world.stateOf(id) == LocationState.HEALTHY));
    }

    @Test
    void fiveLocationsDeadOnEveryVantageWhileTheRestLookFineAreEvacuated() {
        world.run(10);
        List<String> dead = List.of("loc-00", "loc-03", "loc-06", "loc-09", "loc-12");
        dead.forEach(id -> world.breakLocation(id, "vantage-a", "vantage-b", "vantage-c"));

        world.run(60);

        assertFalse(world.state.failStatic());
        assertEquals(List.of(), world.alerts(AlertKind.FAIL_STATIC));
        assertEquals(List.of(LocationState.EVACUATED), dead.stream().map(world::stateOf).distinct().toList());
    }

    @Test
    void tenDeadOnEveryVantageEvacuateAsManyAsMinServingLetsAndHoldTheRestSayingWhy() {
        world.run(10);
        IntStream.range(0, 10).forEach(i -> world.breakLocation(String.format("loc-%02d", i), "vantage-a", "vantage-b",
                "vantage-c"));

        world.run(60);

        assertFalse(world.state.failStatic());
        assertEquals(5, world.topology.ids().stream().filter(id -> world.stateOf(id) == LocationState.EVACUATED).count());
        assertEquals(5, world.alerts(AlertKind.EVACUATION_HELD).stream()
                .filter(a -> a.message().contains("min-serving 10: evacuating")).count());
    }

    @Test
    void everyLocationBadOnEveryVantageFailsStatic() {
        world.run(10);

        world.breakLocation("*", "vantage-a", "vantage-b", "vantage-c").run(60);

        assertTrue(world.state.failStatic());
        assertEquals(1, world.alerts(AlertKind.FAIL_STATIC).size());
        assertEquals(List.of(), world.all(Action.PublishPlan.class));
    }

    @Test
    void aLocationStillBadWhenFailStaticLiftsIsJudgedOnEvidenceFromAfterTheRelease() {
        world.run(10);
        world.breakLocation("*", "vantage-a", "vantage-b", "vantage-c").run(120);

        // The others clear once good for up-hold (60 s); then loc-03 has receivers again.
        world.clear().breakLocation("loc-03", "vantage-a", "vantage-b", "vantage-c").run(90);

        Instant released = world.decisions(DecisionKind.FAIL_STATIC_RELEASED).get(0).at();
        Decision evacuation = world.decisions(DecisionKind.EVACUATION_DECIDED).get(0);
        Matcher badFor = Pattern.compile("below 0.50 for (\\d+)s").matcher(evacuation.summary());
        assertTrue(badFor.find(), evacuation.summary());
        assertTrue(Long.parseLong(badFor.group(1)) <= Duration.between(released, evacuation.at()).toSeconds(),
                "released at " + released + ": " + evacuation.summary());
    }
}
