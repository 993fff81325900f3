package houston.slack.notify;

/**
 * One message as Houston sends it.
 *
 * @param text     the plain words (notification text, console output, and the fallback Slack shows)
 * @param blocks   Block Kit JSON for the same content, laid out for a phone
 * @param incident the incident whose thread it belongs to, or null for a channel message
 * @param alert    true for safety alerts: posted to the channel with the on-call mention, and into
 *                 the incident's thread when there is one
 */
public record SlackMessage(String text, String blocks, String incident, boolean alert) {
}
