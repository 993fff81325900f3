package houston.slack.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import houston.core.engine.Action.Alert;
import houston.core.engine.Decision;
import houston.core.engine.DecisionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Renders decisions and alerts from the engine's own explanation record, so Slack, the console
 * and {@code explain} say the same thing: a bold one-line summary, then the evidence (scores,
 * agreeing voters, receivers and capacity math) as a monospace block that reads on a phone.
 */
public final class DecisionRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String onCallMention;
    private final UnaryOperator<String> escape;

    /**
     * For Slack.
     *
     * @param onCallGroup Slack user group id to mention on alerts (e.g. S0ONCALL), or blank
     */
    public DecisionRenderer(String onCallGroup) {
        this(onCallGroup, SlackText::escape);
    }

    private DecisionRenderer(String onCallGroup, UnaryOperator<String> escape) {
        this.onCallMention = onCallGroup == null || onCallGroup.isBlank() ? "" : "<!subteam^" + onCallGroup + "> ";
        this.escape = escape;
    }

    /**
     * Summaries, messages and evidence carry what operators typed (who, why), so each line of them
     * is escaped for the sink; the renderer's own markup (icons, bold, mentions) is added after.
     */
    private String typed(String text) {
        return text.lines().map(escape).collect(java.util.stream.Collectors.joining("\n"));
    }

    public SlackMessage render(Decision d) {
        String evidence = typed(d.explanation().render().strip());
        String title = icon(d.kind()) + " " + (d.dryRun() ? "[dry run] " : "") + escape.apply(d.summary());
        String text = title + (evidence.isEmpty() ? "" : "\n" + evidence);
        return new SlackMessage(text, blocks(title, evidence, d), d.incident(), false);
    }

    public SlackMessage render(Alert a) {
        Decision d = a.decision();
        String title = ":rotating_light: " + onCallMention + "*" + a.kind().name().replace('_', ' ').toLowerCase()
                + "*: " + escape.apply(a.message());
        String evidence = d == null ? "" : typed(d.explanation().render().strip());
        String text = title + (evidence.isEmpty() ? "" : "\n" + evidence);
        return new SlackMessage(text, blocks(title, evidence, d), d == null ? null : d.incident(), true);
    }

    private static String blocks(String title, String evidence, Decision d) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", limit(title, 2900))));
        if (!evidence.isEmpty()) {
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text",
                    "```" + limit(evidence, 2800) + "```")));
        }
        if (d != null) {
            blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text",
                    d.location() + " · " + d.kind().name().toLowerCase() + " · " + d.at()
                            + (d.incident() == null ? "" : " · incident " + d.incident())))));
        }
        try {
            return JSON.writeValueAsString(blocks);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Slack rejects a section text over 3,000 characters: cut, and say so. */
    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "\n… (cut; `explain` has it all)";
    }

    private static String icon(DecisionKind kind) {
        return switch (kind) {
            case SUSPECTED -> ":large_yellow_circle:";
            case CLEARED, RESTORED, FAIL_STATIC_RELEASED, FALLBACK_RELEASED, PUBLISH_RECOVERED, VANTAGES_TRUSTED
                    -> ":large_green_circle:";
            case EVACUATION_DECIDED, TRAFFIC_SHIFTING, TRAFFIC_SHIFTED, FALLBACK_ENGAGED -> ":red_circle:";
            case FAILBACK_STEP -> ":arrows_counterclockwise:";
            case FAILBACK_ABORTED, EVACUATION_HELD, FAIL_STATIC_ENGAGED, VANTAGES_DISCOUNTED, PUBLISH_FAILED -> ":warning:";
            case OVERRIDE_APPLIED, OVERRIDE_EXPIRED, COMMAND_REJECTED -> ":bust_in_silhouette:";
            default -> ":information_source:";
        };
    }
}
