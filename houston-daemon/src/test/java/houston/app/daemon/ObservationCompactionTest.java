package houston.app.daemon;

import houston.core.config.HealthConfig;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ObservationCompactionTest {

    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");
    private static final HealthConfig HEALTH = new HealthConfig(List.of("a", "b"), 1, Duration.ofSeconds(5), 3, 1, 0.6, 0.5,
            Duration.ofSeconds(60));

    private static Observation seen(String vantage, String target, Instant at) {
        return new Observation(vantage, "loc-1", target, at, Outcome.OK, Duration.ofMillis(5));
    }

    @Test
    void keepsPerVantageAndLocationTheNewestMaxSamplesInsideTheWindowInArrivalOrder() {
        List<Observation> arrived = new ArrayList<>();
        arrived.add(seen("a", "too-old", NOW.minusSeconds(6)));
        for (int i = 0; i < 5; i++) {
            arrived.add(seen("a", "a" + i, NOW.minusMillis(100)));
            arrived.add(seen("b", "b" + i, NOW.minusMillis(100)));
        }
        arrived.add(seen("a", "from-the-future", NOW.plusSeconds(30)));

        List<Observation> kept = ObservationCompaction.compact(arrived, NOW, HEALTH);

        assertEquals(List.of("b2", "a3", "b3", "a4", "b4", "from-the-future"), kept.stream().map(Observation::target).toList());
    }

    @Test
    void aTickWithNothingToDropIsLeftAsItArrived() {
        List<Observation> arrived = List.of(seen("a", "x", NOW), seen("b", "y", NOW));

        assertSame(arrived, ObservationCompaction.compact(arrived, NOW, HEALTH));
    }
}
