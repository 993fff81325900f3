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

    static final String RESENT = "(re-sent after a restart)";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The same message marked as possibly posted already, in the text and as a last context block. */
    public SlackMessage resent() {
        String marked = blocks;
        try {
            var array = (com.fasterxml.jackson.databind.node.ArrayNode) JSON.readTree(blocks == null ? "[]" : blocks);
            array.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                    .put("text", RESENT);
            marked = array.toString();
        } catch (java.io.IOException | ClassCastException notBlocks) {
            // Keep the blocks as they were: the text still carries the mark.
        }
        return new SlackMessage(text + " " + RESENT, marked, incident, alert);
    }
}
