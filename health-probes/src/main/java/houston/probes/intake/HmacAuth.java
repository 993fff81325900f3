package houston.probes.intake;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Houston's request signature, used by agents pushing observations and by services pushing
 * signals: {@code X-Houston-Timestamp: <epoch seconds>} and
 * {@code X-Houston-Signature: v1=<hex HMAC-SHA256(secret, "v1:" + timestamp + ":" + body)>}.
 *
 * <p>A request is accepted only if the signature matches (constant-time compare), the timestamp
 * is within the replay window of this machine's clock, and the same signature has not been
 * accepted before within that window. The replay memory holds at most {@code maxRemembered}
 * signatures; when full, the request is refused rather than the memory grown or an entry
 * forgotten early (forgetting early would reopen the replay window).
 */
public final class HmacAuth {

    public static final String TIMESTAMP = "X-Houston-Timestamp";
    public static final String SIGNATURE = "X-Houston-Signature";

    /** Why a request was refused, or null when it was accepted. */
    public record Verdict(boolean accepted, String reason) {
        static final Verdict OK = new Verdict(true, null);

        static Verdict refuse(String reason) {
            return new Verdict(false, reason);
        }
    }

    private final byte[] secret;
    private final Duration window;
    private final Clock clock;
    private final int maxRemembered;
    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    public HmacAuth(byte[] secret, Duration window, Clock clock, int maxRemembered) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the shared secret must be at least 16 bytes (got " + secret.length + ")");
        }
        this.secret = secret.clone();
        this.window = window;
        this.clock = clock;
        this.maxRemembered = maxRemembered;
    }

    /** The signature header value for {@code body} sent at {@code epochSeconds}. */
    public String sign(long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v1:" + epochSeconds + ":").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Checks signature, freshness and replay; remembers the signature when accepted. */
    public synchronized Verdict verify(String timestampHeader, String signatureHeader, byte[] body) {
        if (timestampHeader == null || signatureHeader == null) {
            return Verdict.refuse("missing " + TIMESTAMP + " or " + SIGNATURE + " header");
        }
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Verdict.refuse(TIMESTAMP + " is not epoch seconds");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - ts) > window.toSeconds()) {
            return Verdict.refuse("stale timestamp: " + (now - ts) + "s from this server's clock (window "
                    + window.toSeconds() + "s)");
        }
        byte[] expected = sign(ts, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.refuse("bad signature");
        }
        forgetOlderThan(now - window.toSeconds());
        if (seen.containsKey(signatureHeader)) {
            return Verdict.refuse("replayed request");
        }
        if (seen.size() >= maxRemembered) {
            return Verdict.refuse("too many requests in the replay window; retry later");
        }
        seen.put(signatureHeader, ts);
        return Verdict.OK;
    }

    private void forgetOlderThan(long epochSeconds) {
        // Timestamps arrive roughly in order, but not exactly: scan the whole map, it is bounded.
        for (Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() < epochSeconds) {
                it.remove();
            }
        }
    }
}
