package houston.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped logging configuration keeps what someone typed inside its own log line. */
class LogLinesTest {

    @Test
    void aNewlineOrAnEscapeInALoggedValueCannotForgeALine() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogLinesTest.class.getClassLoader().getResource("logback.xml"));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            context.getLogger("houston.slack").warn("Slack user {} is not allowed to {}", "U1",
                    "evacuate us-east-1 (x\n12:00:00.000 ERROR h.a.Daemon - forged\u001b[31m)");
        } finally {
            System.setErr(stderr);
            context.stop();
        }

        String logged = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, logged.lines().count(), logged + context.getStatusManager().getCopyOfStatusList());
        assertTrue(logged.contains("evacuate us-east-1 (x?12:00:00.000 ERROR h.a.Daemon - forged?[31m)"), logged);
    }
}
