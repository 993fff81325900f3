package houston.app.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationsTest {

    @Test
    void compoundDurationsAddTheirParts() {
        assertEquals(Duration.ofSeconds(31 * 60 + 30), Durations.parse("31m30s"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofMillis(2_500), Durations.parse("2s500ms"));
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("31x"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("m30"));
    }

    @Test
    void aDurationIsWrittenTheWayItIsRead() {
        assertEquals("31m30s", Durations.format(Duration.ofSeconds(1890)));
        assertEquals(Duration.ofSeconds(1890), Durations.parse(Durations.format(Duration.ofSeconds(1890))));
    }
}
