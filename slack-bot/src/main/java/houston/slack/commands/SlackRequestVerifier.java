package houston.slack.commands;

import com.slack.api.app_backend.SlackSignature;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a request really comes from Slack before anything else is read: Slack's v0 signature
 * (HMAC-SHA256 of {@code v0:timestamp:body} with the signing secret, compared in constant time by
 * the SDK's verifier) within a five-minute window, and — beyond what Slack requires — refuses the
 * same signature twice within that window, so a captured request cannot be replayed.
 */
public final class SlackRequestVerifier {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    private final SlackSignature.Verifier verifier;
    private final Clock clock;
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    public SlackRequestVerifier(String signingSecret, Clock clock) {
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
        this.clock = clock;
    }

    /** Null when the request is Slack's and new; otherwise why it is refused. */
    public synchronized String refuse(String timestamp, String signature, String body) {
        if (timestamp == null || signature == null) {
            return "missing X-Slack-Request-Timestamp or X-Slack-Signature";
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "bad timestamp";
        }
        long now = clock.millis();
        if (Math.abs(now / 1000 - ts) > WINDOW.toSeconds()) {
            return "stale timestamp";
        }
        if (!verifier.isValid(timestamp, body, signature, now)) {
            return "invalid signature";
        }
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() < now / 1000 - WINDOW.toSeconds()) {
                it.remove();
            }
        }
        if (seen.containsKey(signature)) {
            return "replayed request";
        }
        if (seen.size() >= MAX_REMEMBERED) {
            return "too many requests; retry later";
        }
        seen.put(signature, ts);
        return null;
    }
}
