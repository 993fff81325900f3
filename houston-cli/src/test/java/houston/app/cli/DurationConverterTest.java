package houston.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsTheConfigurationsSpellingAndIso() {
        assertEquals(Duration.ofSeconds(2), converter.convert("2s"));
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofMinutes(5), converter.convert("5 minutes"));
        assertEquals(Duration.ofHours(1), converter.convert("1h"));
        assertEquals(Duration.ofSeconds(30), converter.convert("PT30S"));
        assertEquals(Duration.ofMillis(200), converter.convert("pt0.2s"));
    }

    @Test
    void refusesWhatIsNotADurationOrIsNegativeSayingWhatItExpects() {
        for (String bad : new String[]{"soon", "2 parsecs", "PTXS", "", "-5s", "PT-5S"}) {
            CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                    () -> converter.convert(bad), bad);

            assertTrue(e.getMessage().contains("expected: "), e.getMessage());
        }
    }
}
