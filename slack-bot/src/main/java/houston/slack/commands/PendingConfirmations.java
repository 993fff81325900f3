package houston.slack.commands;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Commands waiting for their confirmation button: each id works once, for {@link #TTL}, and at
 * most {@link #MAX} wait at a time (beyond that new ones are refused rather than memory grown).
 */
final class PendingConfirmations {

    static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX = 1000;

    record Pending(ParsedCommand.Mutation mutation, String requestedBy, long expiresAt) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingConfirmations(Clock clock) {
        this.clock = clock;
    }

    /** A new one-time id for {@code mutation}, or null when too many are waiting. */
    String add(ParsedCommand.Mutation mutation, String requestedBy) {
        long now = clock.millis();
        pending.values().removeIf(p -> p.expiresAt() < now);
        if (pending.size() >= MAX) {
            return null;
        }
        String id = UUID.randomUUID().toString();
        pending.put(id, new Pending(mutation, requestedBy, now + TTL.toMillis()));
        return id;
    }

    /** The command for {@code id}, removed; null when unknown, used or expired. */
    Pending take(String id) {
        Pending p = id == null ? null : pending.remove(id);
        return p == null || p.expiresAt() < clock.millis() ? null : p;
    }
}
