package houston.slack.notify;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;

import java.io.IOException;
import java.time.Duration;

/**
 * chat.postMessage through Slack's Java SDK. HTTP 429 is RATE_LIMITED with the Retry-After
 * Slack sent; 5xx and network errors are TRANSIENT; {@code ok:false} answers (channel_not_found,
 * invalid_auth, …) are PERMANENT: retrying them cannot help.
 */
public final class SlackApiPoster implements SlackPoster {

    private final MethodsClient methods;

    /** @param apiBaseUrl e.g. {@code https://slack.com} (a stand-in in tests); "/api/" is appended */
    public SlackApiPoster(String token, String apiBaseUrl) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiBaseUrl.replaceAll("/$", "") + "/api/");
        config.setStatsEnabled(false);
        this.methods = Slack.getInstance(config).methods(token);
    }

    @Override
    public String post(String channel, String text, String blocks, String threadTs) throws DeliveryException {
        ChatPostMessageResponse r;
        try {
            r = methods.chatPostMessage(req -> req.channel(channel).text(text).blocksAsString(blocks).threadTs(threadTs)
                    .unfurlLinks(false));
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                String after = e.getResponse().header("Retry-After");
                throw new DeliveryException(DeliveryException.Kind.RATE_LIMITED,
                        Duration.ofSeconds(after == null ? 1 : Long.parseLong(after.trim())), "HTTP 429 rate limited");
            }
            throw new DeliveryException(code >= 500 ? DeliveryException.Kind.TRANSIENT : DeliveryException.Kind.PERMANENT,
                    Duration.ZERO, "HTTP " + code + ": " + e.getResponseBody());
        } catch (IOException e) {
            throw new DeliveryException(DeliveryException.Kind.TRANSIENT, Duration.ZERO, "cannot reach Slack: " + e.getMessage());
        }
        if (!r.isOk()) {
            DeliveryException.Kind kind = "ratelimited".equals(r.getError()) ? DeliveryException.Kind.RATE_LIMITED
                    : DeliveryException.Kind.PERMANENT;
            throw new DeliveryException(kind, Duration.ofSeconds(1), "Slack said " + r.getError());
        }
        return r.getTs();
    }
}
