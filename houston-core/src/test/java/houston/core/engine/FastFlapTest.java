package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.EngineConfig;
import houston.core.health.Outcome;
import houston.core.model.LocationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A location blackholed for a second or three, then up as long, over and over: half its requests
 * fail, yet its short window (a few probes, a lost probe counted lightly) averages to a score around
 * the down threshold and never stays below it. Judged on its share of failed probes over two minutes,
 * when every vantage sees it and the failures come in many separate runs (a flap, not one outage that
 * has ended), it is evacuated within about two minutes; random probe loss never is.
 */
class FastFlapTest {

    private static final String[] VANTAGES = {"vantage-a", "vantage-b", "vantage-c"};

    private final EngineHarness world = new EngineHarness(EngineConfig.defaults(), TestTopologies.row(15));

    /** loc-07 times out on every vantage for {@code half} seconds, then answers for {@code half}, for {@code seconds}. */
    private void flap(int half, int seconds) {
        for (int i = 0; i < seconds; i++) {
            world.clear();
            if ((i / half) % 2 == 1) {
                for (String v : VANTAGES) {
                    world.fault(v, "loc-07", Outcome.TIMEOUT);
                }
            }
            world.tick();
        }
        world.clear();
    }

    @ParameterizedTest(name = "half-period {0} s")
    @ValueSource(ints = {1, 2, 3})
    void aFastFlapOnEveryVantageIsEvacuatedWithinTwoMinutes(int half) {
        world.run(600);

        flap(half, 120);

        assertTrue(world.stateOf("loc-07").isEvacuation(), "loc-07 after a " + half + " s flap: " + world.stateOf("loc-07"));
        assertEquals(1, world.decisions(DecisionKind.EVACUATION_DECIDED).size(),
                world.decisions(DecisionKind.EVACUATION_DECIDED).toString());
    }

    @Test
    void aFlapThatStopsIsFailedBackOnceItsFailuresAgeOut() {
        world.run(600);
        flap(1, 300);

        world.run(900);

        assertEquals(LocationState.HEALTHY, world.stateOf("loc-07"));
    }

    @Test
    void tenPercentRandomlyLostProbesOnEveryVantageForAnHourEvacuateNothing() {
        world.run(600);
        SplittableRandom random = new SplittableRandom(10);

        for (int i = 0; i < 3600; i++) {
            world.clear();
            for (String v : VANTAGES) {
                for (String l : world.topology.ids()) {
                    if (random.nextDouble() < 0.10) {
                        world.fault(v, l, Outcome.TIMEOUT);
                    }
                }
            }
            world.tick();
        }

        // Two lost in a row on two vantages may open a suspicion (the short window's business); none is evacuated.
        assertEquals(0, world.decisions(DecisionKind.EVACUATION_DECIDED).size(),
                world.decisions(DecisionKind.EVACUATION_DECIDED).toString());
    }

    @Test
    void anOutageThatEndedIsNotHeldBadByItsFailuresInTheLongWindow() {
        world.run(600);
        world.breakLocation("loc-07", "vantage-a", "vantage-b", "vantage-c").run(90);
        world.clear();
        long before = world.now.getEpochSecond();

        while (world.stateOf("loc-07") != LocationState.HEALTHY) {
            world.tick();
        }

        // up-hold (60 s) and the fail-back steps; the failures still in the two-minute window do not add to it.
        long back = world.now.getEpochSecond() - before;
        assertTrue(back < 200, "back after " + back + " s");
    }
}
