package houston.slack.notify;

/**
 * Text that came from a person, on its way into or out of Slack. Slack's only control characters
 * are {@code & < >} (https://api.slack.com/reference/surfaces/formatting#escaping): escaped, a
 * reason reading {@code <!channel>} is shown as those characters instead of paging the channel.
 */
public final class SlackText {

    private SlackText() {
    }

    /** Plain text to Slack mrkdwn that shows exactly that text. */
    public static String escape(String plain) {
        return plain == null ? null : plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** What Slack sent (it escapes a typed {@code <} as {@code &lt;}) back to the plain text the person typed. */
    public static String unescape(String slack) {
        return slack == null ? null : slack.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
