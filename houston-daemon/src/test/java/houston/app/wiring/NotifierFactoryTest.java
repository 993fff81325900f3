package houston.app.wiring;

import houston.app.config.HoustonConfigLoader;
import houston.core.engine.Action;
import houston.core.engine.AlertKind;
import houston.slack.notify.ConsoleNotifier;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotifierFactoryTest {

    @Test
    void withoutATokenMessagesGoToTheConsoleAsPlainText() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NotifierFactory.Built built = NotifierFactory.create(HoustonConfigLoader.load(null),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        built.notifier().alert(new Action.Alert(AlertKind.FAIL_STATIC, "8 of 15 locations look bad at once", null));

        assertTrue(built.notifier() instanceof ConsoleNotifier);
        assertEquals(null, built.outbox());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("ALERT fail static: 8 of 15 locations look bad at once"),
                bytes.toString(StandardCharsets.UTF_8));
    }
}
