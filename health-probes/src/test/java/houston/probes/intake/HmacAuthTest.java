package houston.probes.intake;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HmacAuthTest {

    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");
    private static final byte[] SECRET = "0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"vantage\":\"a\"}".getBytes(StandardCharsets.UTF_8);

    private final HmacAuth auth = new HmacAuth(SECRET, Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC), 3);
    private final long ts = NOW.getEpochSecond();

    @Test
    void correctlySignedFreshRequestIsAccepted() {
        assertEquals(new HmacAuth.Verdict(true, null), auth.verify(String.valueOf(ts), auth.sign(ts, BODY), BODY));
    }

    @Test
    void changedBodyIsRefused() {
        String signature = auth.sign(ts, BODY);

        assertEquals("bad signature", auth.verify(String.valueOf(ts), signature, "{}".getBytes()).reason());
    }

    @Test
    void timestampOutsideTheWindowIsRefused() {
        long old = ts - 61;

        assertEquals("stale timestamp: 61s from this server's clock (window 60s)",
                auth.verify(String.valueOf(old), auth.sign(old, BODY), BODY).reason());
    }

    @Test
    void sameRequestTwiceIsRefusedTheSecondTime() {
        String signature = auth.sign(ts, BODY);
        auth.verify(String.valueOf(ts), signature, BODY);

        assertEquals("replayed request", auth.verify(String.valueOf(ts), signature, BODY).reason());
    }

    @Test
    void fullReplayMemoryRefusesRatherThanForgets() {
        for (int i = 0; i < 3; i++) {
            byte[] body = ("b" + i).getBytes();
            auth.verify(String.valueOf(ts), auth.sign(ts, body), body);
        }

        assertEquals("too many requests in the replay window; retry later",
                auth.verify(String.valueOf(ts), auth.sign(ts, BODY), BODY).reason());
    }

    @Test
    void missingHeadersAreRefused() {
        assertEquals(false, auth.verify(null, null, BODY).accepted());
    }

    @Test
    void shortSecretIsRejectedAtConstruction() {
        assertThrows(IllegalArgumentException.class,
                () -> new HmacAuth("short".getBytes(), Duration.ofSeconds(60), Clock.systemUTC(), 10));
    }
}
