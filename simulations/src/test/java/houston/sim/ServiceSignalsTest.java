package houston.sim;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.health.Observation;
import houston.core.health.ServiceSignal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Service signals reach the engine late, and not all of them. */
class ServiceSignalsTest {

    /** Records how old each service signal was when it arrived. */
    private static final class Recording implements Policy {
        final List<Duration> ages = new ArrayList<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public boolean wantsProbes() {
            return true;
        }

        @Override
        public List<Action> tick(Instant now, List<Observation> observations, List<ServiceSignal> signals,
                                 List<ActionOutcome> outcomes) {
            signals.forEach(s -> ages.add(Duration.between(s.at(), now)));
            return List.of();
        }
    }

    @Test
    void signalsArriveTheirDelayLateAndSomeAreLost() {
        HoustonSetup setup = SimFixtures.setup();
        Scenario base = SimFixtures.scenario(Duration.ofMinutes(10), List.of(), Objectives.NONE);
        Scenario s = new Scenario(base.name(), "", base.start(), base.length(), 5, base.trough(), base.peakHour(),
                List.of(), List.of(), 0.0, base.dnsClients(), base.dnsLatency(), true, base.baseline(), Objectives.NONE,
                base.sample(), Duration.ofSeconds(30), 0.5, 2000);
        Recording policy = new Recording();

        new SimRun(s, setup, policy, Drill.world(s, setup, new SplittableRandom(5)), new SplittableRandom(5))
                .run(ms -> { });

        // Reports every 15 s from 15 s; those measured after 9m30s had not arrived by the end.
        int sent = 8 * 38;
        assertTrue(policy.ages.stream().allMatch(a -> a.toMillis() >= 30_000 && a.toMillis() < 31_000), policy.ages.toString());
        assertEquals(sent / 2.0, policy.ages.size(), sent * 0.15);
    }
}
