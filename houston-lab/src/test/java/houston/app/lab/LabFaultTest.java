package houston.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The words {@code houston lab fault} takes: numbers are ASCII digits, nothing read into them. */
class LabFaultTest {

    @Test
    void aBrownoutTakesItsPercent() {
        assertEquals(new LabFault("brownout", 50), LabFault.parse(List.of("brownout", "50")));
    }

    @Test
    void digitsOfOtherScriptsAreRefusedNotReadAsANumber() {
        // Integer.parseInt reads full-width and Arabic-Indic digits; a person who typed them meant something else.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabFault.parse(List.of("brownout", "\uff15\uff10")));

        assertEquals("amount: '\uff15\uff10' (expected: brownout PCT (1..100))", e.getMessage());
    }

    @Test
    void spacesAndSignsAroundANumberAreRefused() {
        for (String amount : new String[]{" 50", "50 ", "+50", "-5", "5e1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LabFault.parse("brownout", amount), amount);

            assertEquals("amount: '" + amount + "' (expected: brownout PCT (1..100))", e.getMessage());
        }
    }

    @Test
    void anAmountOnAFaultThatTakesNoneIsRefusedFromTheWordsToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabFault.parse("flap", "10"));

        assertEquals("amount: '10' (expected: none for flap; brownout takes PCT, latency MS)", e.getMessage());
    }
}
