package houston.slack.notify;

import houston.core.engine.Decision;
import houston.core.engine.DecisionKind;
import houston.core.engine.Explanation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator typed reaches Slack and the console as text, never as markup or control sequences. */
class DecisionRendererTest {

    private static Decision override(String summary) {
        return new Decision(Instant.parse("2026-11-30T12:00:00Z"), "us-east-1", DecisionKind.OVERRIDE_APPLIED, "inc-1",
                summary, false, new Explanation(null, null, List.of(), List.of()));
    }

    @Test
    void slackMarkupInAReasonIsEscapedInTheTextAndTheBlocks() {
        Decision d = override("us-east-1 pinned evacuated by alice (db <!channel> see <https://evil.test|runbook> & go)");

        SlackMessage m = new DecisionRenderer("S0ONCALL").render(d);

        assertTrue(m.text().contains("(db &lt;!channel&gt; see &lt;https://evil.test|runbook&gt; &amp; go)"), m.text());
        assertFalse(m.text().contains("<!channel>"), m.text());
        assertFalse(m.blocks().contains("<!channel>"), m.blocks());
        assertFalse(m.blocks().contains("<https://evil.test"), m.blocks());
    }

    @Test
    void theRenderersOwnMentionStaysMarkup() {
        SlackMessage m = new DecisionRenderer("S0ONCALL").render(new houston.core.engine.Action.Alert(
                houston.core.engine.AlertKind.FAIL_STATIC, "fail static by <!here>", override("x")));

        assertTrue(m.text().startsWith(":rotating_light: <!subteam^S0ONCALL> "), m.text());
        assertTrue(m.text().contains("fail static by &lt;!here&gt;"), m.text());
    }
}
