package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.DnsFallbackConfig;
import houston.core.config.DnsFallbackConfig.Mode;
import houston.core.config.EngineConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control-plane watch: the DNS API known down before a location dies, so its drop waits for nothing. */
class ControlPlaneWatchTest {

    private static final String[] ALL = {"vantage-a", "vantage-b", "vantage-c"};

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults()
            .withDnsFallback(new DnsFallbackConfig(Mode.HEALTH_ENDPOINT, Duration.ofMinutes(2))), TestTopologies.row(15));

    ControlPlaneWatchTest() {
        world.watchEverySeconds = 5;
    }

    @Test
    void floorsGrownBeforeAnyIncidentAreNotToldOneByOne() {
        // In the lab, 13 floors each posted "ready at N instances" as a thread of its own (with its scores)
        // and buried the control-plane alert that had already said floors pre-scale.
        world.run(10);
        world.controlPlaneDown = true;

        world.run(2 * 60);

        assertTrue(world.all(Action.PreScale.class).size() >= 3, world.all(Action.PreScale.class).toString());
        assertEquals(List.of(), world.decisions(DecisionKind.SCALE_UPDATE).stream().map(Decision::summary).toList());
    }

    @Test
    void aFailingWatchAloneMovesNothingButPreScalesTheFloorsAndIsToldOnce() {
        world.run(10);
        world.controlPlaneDown = true;

        world.run(5 * 60);

        assertEquals(List.of(), world.all(Action.PublishPlan.class));
        assertEquals(List.of(), world.all(Action.EngageFallback.class));
        assertFalse(world.all(Action.PreScale.class).isEmpty());
        assertEquals(1, world.alerts(AlertKind.DNS_CONTROL_PLANE_DOWN).size());
        assertEquals(EngineHarness.START.plusSeconds(15).toEpochMilli(), world.state.dnsFallback().watchFailingSince());
        assertEquals(0, world.state.dnsFallback().failingSince());
    }

    @Test
    void watchFailingForFallbackAfterBeforeTheLocationDiesDropsItOnTheTickItsShiftIsDecided() {
        world.run(10);
        world.controlPlaneDown = true;
        world.run(3 * 60);
        world.breakLocation("loc-07", ALL);

        Step shifted = world.tick();
        while (shifted.actions().stream().noneMatch(Action.PublishPlan.class::isInstance)) {
            shifted = world.tick();
        }

        assertEquals(List.of(List.of("loc-07")), shifted.actions().stream()
                .filter(Action.EngageFallback.class::isInstance).map(a -> ((Action.EngageFallback) a).locations()).toList());
    }

    @Test
    void anAnsweredReadClearsTheWatchButNotAFailingPublish() {
        world.run(10);
        world.controlPlaneDown = true;
        world.breakLocation("loc-07", ALL);
        world.run(60);
        long publishesFailingSince = world.state.dnsFallback().failingSince();
        long now = world.now.plusSeconds(1).toEpochMilli();

        Step answered = world.engine.step(world.state, Inputs.builder()
                .controlPlane(List.of(new Inputs.ControlPlaneReading(now, true, ""))).build(), world.now.plusSeconds(1));

        assertTrue(publishesFailingSince > 0);
        assertEquals(publishesFailingSince, answered.next().dnsFallback().failingSince());
        assertEquals(0, answered.next().dnsFallback().watchFailingSince());
    }

    @Test
    void theFallbacksClockRunsFromTheEarlierOfTheWatchAndThePublishes() {
        world.run(10);
        world.controlPlaneDown = true;
        world.run(100);
        world.breakLocation("loc-07", ALL);

        world.run(30);

        DnsFallback f = world.state.dnsFallback();
        assertTrue(f.failingSince() > f.watchFailingSince(), f.toString());
        assertEquals(f.watchFailingSince(), f.apiFailingSince());
        assertEquals(List.of("loc-07"), f.live());
    }

    @Test
    void anAnsweredReadAfterAFailedOneRetriesTheFailedPublishAtOnceInsteadOfWaitingOutItsBackoff() {
        world.run(10);
        world.controlPlaneDown = true;
        world.breakLocation("loc-07", ALL);
        world.run(2 * 60);
        while (world.state.retryPublishAt() - world.now.toEpochMilli() < 10_000) {
            world.tick();
        }
        world.controlPlaneDown = false;
        long now = world.now.plusSeconds(1).toEpochMilli();

        Step answered = world.engine.step(world.state, Inputs.builder()
                .controlPlane(List.of(new Inputs.ControlPlaneReading(now, true, ""))).build(), world.now.plusSeconds(1));

        assertEquals(1, answered.actions().stream().filter(Action.PublishPlan.class::isInstance).count(),
                answered.actions().toString());
    }
}
