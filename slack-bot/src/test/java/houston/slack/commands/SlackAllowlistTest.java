package houston.slack.commands;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SlackAllowlistTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void listedUserPasses() {
        assertTrue(new SlackAllowlist(Set.of("U1"), null, g -> List.of(), clock).test("U1"));
    }

    @Test
    void groupMemberPassesAndTheGroupIsReadOncePerRefresh() {
        AtomicInteger reads = new AtomicInteger();
        SlackAllowlist allow = new SlackAllowlist(Set.of(), "S0ONCALL", g -> {
            reads.incrementAndGet();
            return List.of("U2");
        }, clock);

        boolean member = allow.test("U2");
        boolean stranger = allow.test("U3");

        assertTrue(member);
        assertFalse(stranger);
        assertEquals(1, reads.get());
    }

    @Test
    void unreadableGroupFailsClosed() {
        SlackAllowlist allow = new SlackAllowlist(Set.of("U1"), "S0ONCALL", g -> {
            throw new IllegalStateException("missing_scope");
        }, clock);

        assertFalse(allow.test("U2"));
        assertTrue(allow.test("U1"));
    }
}
