package houston.core.health;

import houston.core.config.HealthConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthBookTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private final HealthConfig config = HealthConfig.defaults();
    private final List<String> locations = List.of("loc-a", "loc-b");

    private static Observation seen(String vantage, String location, int second, Outcome outcome) {
        return new Observation(vantage, location, "site", T0.plusSeconds(second), outcome, Duration.ofMillis(10));
    }

    @Test
    void scoreIsTheShareOfGoodOutcomesInTheWindow() {
        List<Observation> obs = List.of(seen("vantage-a", "loc-a", 1, Outcome.OK), seen("vantage-a", "loc-a", 2, Outcome.OK),
                seen("vantage-a", "loc-a", 3, Outcome.CONNECT_ERROR), seen("vantage-a", "loc-a", 4, Outcome.OK));

        HealthBook book = HealthBook.empty(config.vantages(), locations).record(obs, List.of(), 4000 + T0.toEpochMilli(), config);

        assertEquals(0.75, book.voterScores(T0.toEpochMilli() + 4000, config, 0.3)[0][0], 1e-9);
    }

    @Test
    void aTimeoutAfterAGoodAnswerIsWeakEvidenceAndTimeoutsInARowAreNot() {
        List<Observation> obs = List.of(seen("vantage-a", "loc-a", 1, Outcome.OK), seen("vantage-a", "loc-a", 2, Outcome.TIMEOUT),
                seen("vantage-a", "loc-a", 3, Outcome.OK), seen("vantage-a", "loc-a", 4, Outcome.TIMEOUT));
        List<Observation> inARow = List.of(seen("vantage-a", "loc-b", 1, Outcome.OK), seen("vantage-a", "loc-b", 2, Outcome.TIMEOUT),
                seen("vantage-a", "loc-b", 3, Outcome.TIMEOUT), seen("vantage-a", "loc-b", 4, Outcome.TIMEOUT));
        long now = 4000 + T0.toEpochMilli();

        HealthBook book = HealthBook.empty(config.vantages(), locations).record(obs, List.of(), now, config)
                .record(inARow, List.of(), now, config);

        // Two lost probes of four: 1 - (0.25 + 0.25) / 4. In a row: 1 - (0.25 + 1 + 1) / 4.
        assertEquals(0.875, book.voterScores(now, config, 0.3)[0][0], 1e-9);
        assertEquals(0.4375, book.voterScores(now, config, 0.3)[0][1], 1e-9);
    }

    @Test
    void outcomesOlderThanTheWindowNoLongerCount() {
        List<Observation> obs = List.of(seen("vantage-a", "loc-a", 1, Outcome.TIMEOUT), seen("vantage-a", "loc-a", 7, Outcome.OK),
                seen("vantage-a", "loc-a", 8, Outcome.OK), seen("vantage-a", "loc-a", 9, Outcome.OK));

        HealthBook book = HealthBook.empty(config.vantages(), locations).record(obs, List.of(), T0.toEpochMilli() + 9000, config);

        assertEquals(1.0, book.voterScores(T0.toEpochMilli() + 9000, config, 0.3)[0][0], 1e-9);
    }

    @Test
    void windowKeepsAtMostMaxSamples() {
        List<Observation> flood = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            flood.add(seen("vantage-a", "loc-a", 1, i < 9_990 ? Outcome.TIMEOUT : Outcome.OK));
        }

        HealthBook book = HealthBook.empty(config.vantages(), locations).record(flood, List.of(), T0.toEpochMilli() + 1000, config);

        // Only the last 64 are kept: 54 timeouts and 10 OK.
        assertEquals(10 / 64.0, book.voterScores(T0.toEpochMilli() + 1000, config, 0.3)[0][0], 1e-6);
    }

    @Test
    void unknownVantagesAndLocationsAreCountedNotScored() {
        List<Observation> obs = List.of(seen("rogue", "loc-a", 1, Outcome.TIMEOUT), seen("vantage-a", "nowhere", 1, Outcome.OK));

        HealthBook book = HealthBook.empty(config.vantages(), locations).record(obs, List.of(), T0.toEpochMilli() + 1000, config);

        assertEquals(2, book.ignored());
        assertTrue(Double.isNaN(book.voterScores(T0.toEpochMilli() + 1000, config, 0.3)[0][0]));
    }

    @Test
    void serviceSignalsScoreByTheirMeanBadnessUntilTheyExpire() {
        List<ServiceSignal> signals = List.of(
                new ServiceSignal("loc-b", "api", SignalStatus.FAILING, "db timeouts", T0),
                new ServiceSignal("loc-b", "web", SignalStatus.HEALTHY, "", T0));
        HealthBook book = HealthBook.empty(config.vantages(), locations).record(List.of(), signals, T0.toEpochMilli(), config);

        double fresh = book.voterScores(T0.toEpochMilli() + 1000, config, 0.3)[3][1];
        double expired = book.voterScores(T0.toEpochMilli() + 61_000, config, 0.3)[3][1];

        assertEquals(0.5, fresh, 1e-9);
        assertTrue(Double.isNaN(expired));
    }
}
