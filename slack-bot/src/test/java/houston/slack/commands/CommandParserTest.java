package houston.slack.commands;

import houston.core.engine.PinTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandParserTest {

    private final CommandParser parser = new CommandParser(Set.of("us-east-1"));

    @Test
    void evacuateWithDurationAndReason() {
        assertEquals(new ParsedCommand.Mutation("evacuate", "us-east-1", null, Duration.ofMinutes(90), "db is slow"),
                parser.parse("evacuate us-east-1 for 1h30m db is slow"));
    }

    @Test
    void pinTargetIsRequiredToBeHealthyOrEvacuated() {
        assertEquals(new ParsedCommand.Invalid("pin target 'sideways' (expected: healthy or evacuated)"),
                parser.parse("pin us-east-1 sideways"));
        assertEquals(PinTarget.EVACUATED, ((ParsedCommand.Mutation) parser.parse("pin us-east-1 evacuated")).target());
    }

    @Test
    void aPinTakesAReasonLikeEvacuateAndFreeze() {
        ParsedCommand parsed = parser.parse("pin us-east-1 evacuated for 3m db failover");

        assertEquals(new ParsedCommand.Mutation("pin", "us-east-1", PinTarget.EVACUATED, Duration.ofMinutes(3),
                "db failover"), parsed);
        assertEquals(new houston.core.engine.OperatorCommand.Pin("us-east-1", PinTarget.EVACUATED, Duration.ofMinutes(3),
                "db failover", "alice"), ((ParsedCommand.Mutation) parsed).toCommand("alice"));
    }

    @Test
    void aReasonLongerThanANoteIsRefusedSoTheConfirmationFitsInSlack() {
        String reason = "x".repeat(501);

        assertEquals(new ParsedCommand.Invalid("reason: 501 characters (expected: at most 500; link to a document "
                + "for more)"), parser.parse("evacuate us-east-1 for 1h " + reason));
        assertEquals("x".repeat(500),
                ((ParsedCommand.Mutation) parser.parse("freeze " + "x".repeat(500))).reason());
    }

    @Test
    void durationsAboveSevenDaysAreRefused() {
        assertTrue(parser.parse("freeze for 8d") instanceof ParsedCommand.Invalid);
    }

    @Test
    void emptyTextIsHelp() {
        assertEquals(new ParsedCommand.ReadOnly("help", null), parser.parse("  "));
    }

    @Test
    void durationsRoundTrip() {
        assertEquals("1d2h3m4s", CommandParser.format(CommandParser.duration("1d2h3m4s")));
    }
}
