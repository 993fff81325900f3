package houston.app.lab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which writes reach the lab: its CLI and its own pages, never another site, a rebound name included. */
class LabWriteGuardTest {

    @Test
    void theCliWithoutOriginOnEveryLoopbackNameMayWrite() {
        for (String host : List.of("localhost", "LOCALHOST", "127.0.0.1", "[::1]", "::1")) {
            assertNull(LabWriteGuard.crossOrigin(host, "http://" + host + ":18080", List.of(), null), host);
        }
    }

    @Test
    void theLabsOwnPageMayWrite() {
        assertNull(LabWriteGuard.crossOrigin("localhost", "http://localhost:18080", List.of("http://localhost:18080"),
                "same-origin"));
    }

    @Test
    void aReboundNameIsRefusedThoughItsOriginMatchesItsHost() {
        String refusal = LabWriteGuard.crossOrigin("rebind.evil.example", "http://rebind.evil.example:18080",
                List.of("http://rebind.evil.example:18080"), null);

        assertEquals("writes to the lab are taken from loopback names only (Host 'rebind.evil.example'; "
                + "expected: localhost, 127.0.0.1 or [::1])", refusal);
    }

    @Test
    void aWriteWithoutHostIsRefused() {
        assertEquals("a write to the lab must name its Host (expected: localhost, 127.0.0.1 or [::1])",
                LabWriteGuard.crossOrigin(null, null, List.of(), null));
    }

    @Test
    void twoOriginHeadersAreRefusedWhicheverComesFirst() {
        String refusal = LabWriteGuard.crossOrigin("localhost", "http://localhost:18080",
                List.of("http://localhost:18080", "https://evil.test"), null);

        assertEquals("cross-origin writes to the lab are refused (2 Origin headers; expected: at most one)", refusal);
    }

    @Test
    void anotherOriginIsRefusedByName() {
        assertEquals("cross-origin writes to the lab are refused (Origin https://evil.test)",
                LabWriteGuard.crossOrigin("localhost", "http://localhost:18080", List.of("https://evil.test"), null));
    }
}
