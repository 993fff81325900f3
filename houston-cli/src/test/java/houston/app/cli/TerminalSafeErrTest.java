package houston.app.cli;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** What a user typed and an error quotes reaches the terminal as text, never as a terminal command. */
class TerminalSafeErrTest {

    @Test
    void anEscapeSequenceInAnErrorIsShownNotObeyed() {
        StringWriter seen = new StringWriter();
        TerminalSafeErr err = new TerminalSafeErr(seen);

        err.println("houston plan: unknown location 'us-east-1\u001b[2J\rX\u0007'");

        assertEquals("houston plan: unknown location 'us-east-1\\u001b[2J\\rX\\u0007'" + System.lineSeparator(),
                seen.toString());
    }

    @Test
    void newlinesAndTabsStaySoMultiLineMessagesStillRead() {
        StringWriter seen = new StringWriter();

        new TerminalSafeErr(seen).print("problems:\n\tkey: value");

        assertEquals("problems:\n\tkey: value", seen.toString());
    }

    @Test
    void theCommandsErrorStreamIsTheSafeOne() {
        assertInstanceOf(TerminalSafeErr.class, HoustonCli.commandLine().getErr());
    }
}
