package houston.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What {@code POST /lab/faults} takes, and what it refuses with a message a person can act on. */
class LabFaultBodyTest {

    @Test
    void aWellFormedBrownoutIsTakenWithItsAmount() {
        LabFaultBody body = LabFaultBody.parse("{\"target\": \"eu-west-1\", \"fault\": \"brownout\", \"amount\": 30}");

        assertEquals("eu-west-1", body.target());
        assertEquals(new LabFault("brownout", 30), body.fault());
    }

    @Test
    void anOutageWithTheZeroAmountTheCliSendsIsTaken() {
        LabFaultBody body = LabFaultBody.parse("{\"target\": \"us-east-1\", \"fault\": \"outage\", \"amount\": 0}");

        assertEquals(new LabFault("outage", 0), body.fault());
    }

    @Test
    void anEmptyBodyIsRefusedNamingWhatToSend() {
        for (String empty : new String[] {null, "", " \r\n"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabFaultBody.parse(empty));

            assertEquals("body: empty (expected: one JSON object, e.g. {\"target\":\"us-east-1\",\"fault\":\"outage\"})",
                    e.getMessage());
        }
    }

    @Test
    void anAmountGivenAsTextIsRefusedNotRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabFaultBody.parse(
                "{\"target\": \"eu-west-1\", \"fault\": \"brownout\", \"amount\": \"50\"}"));

        assertEquals("amount: \"50\" (expected: a whole number, brownout PCT (1..100))", e.getMessage());
    }

    @Test
    void aFractionalAmountIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabFaultBody.parse(
                "{\"target\": \"eu-west-1\", \"fault\": \"latency\", \"amount\": 250.5}"));

        assertEquals("amount: 250.5 (expected: a whole number, latency MS (1..60000))", e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanOneOfThemSilentlyWinning() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabFaultBody.parse(
                "{\"target\": \"eu-west-1\", \"fault\": \"clear\", \"target\": \"us-east-1\", \"fault\": \"outage\"}"));

        assertEquals("body: 'target' given twice (expected: each field once, in "
                + "{\"target\": LOCATION, \"fault\": KIND, \"amount\": NUMBER})", e.getMessage());
    }

    @Test
    void anAmountOnAFaultThatTakesNoneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabFaultBody.parse(
                "{\"target\": \"us-east-1\", \"fault\": \"outage\", \"amount\": 40}"));

        assertEquals("amount: '40' (expected: none for outage; brownout takes PCT, latency MS)", e.getMessage());
    }

    @Test
    void aMistypedFieldIsRefusedByNameRatherThanIgnored() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabFaultBody.parse(
                "{\"target\": \"eu-west-1\", \"fault\": \"brownout\", \"amout\": 30}"));

        assertEquals("'amout': unknown field (expected: target, fault and amount, in "
                + "{\"target\": LOCATION, \"fault\": KIND, \"amount\": NUMBER})", e.getMessage());
    }

    @Test
    void anythingAfterTheObjectIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabFaultBody.parse(
                "{\"target\": \"eu-west-1\", \"fault\": \"clear\"} {\"target\": \"us-east-1\", \"fault\": \"outage\"}"));

        assertEquals("body: not one JSON object (expected: {\"target\": LOCATION, \"fault\": KIND, \"amount\": NUMBER})",
                e.getMessage());
    }

    @Test
    void anAmountOutsideItsRangeNamesTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabFaultBody.parse(
                "{\"target\": \"eu-west-1\", \"fault\": \"brownout\", \"amount\": 1e12}"));

        assertEquals("amount: 1e12 (expected: a whole number, brownout PCT (1..100))", e.getMessage());
    }

    @Test
    void aHugeOrControlCharacterValueIsEchoedShortAndEscaped() {
        String name = "\u001b[2J" + "x".repeat(100_000);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabFaultBody.parse(
                "{\"target\": \"eu-west-1\", \"fault\": \"" + name.replace("\u001b", "\\u001b") + "\"}"));

        assertTrue(e.getMessage().startsWith("unknown fault '\\u001b[2Jxxxxx"), e.getMessage());
        assertTrue(e.getMessage().contains("…' (100004 characters)"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage().length() + " characters");
        assertFalse(e.getMessage().contains("\u001b"));
    }
}
