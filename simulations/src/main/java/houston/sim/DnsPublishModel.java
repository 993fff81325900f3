package houston.sim;

import houston.core.engine.ActionOutcome.PublishStatus;

import java.util.SplittableRandom;
import java.util.function.LongPredicate;

/**
 * Publishes as the daemon's DNS adapter makes them, in virtual time. The adapter knows the zone
 * (the daemon reads it at its start and remembers what it writes), so a publish reads the records
 * with ONE attempt, whose refusal costs only its round trip (the known records stand in); sends the
 * change (unless the plan's generation is live already); then polls it every poll interval until
 * INSYNC. The change and each poll are retried with the adapter's backoff ({@link DnsApi}). A
 * change accepted is applied {@code propagation} later whatever its polls do: a poll refused on
 * every attempt ends the publish ACCEPTED (FAILED once the INSYNC timeout has passed since the
 * change was accepted), and the next publish of that generation only polls it, never sends it again.
 * Holds the one accepted, unconfirmed change between publishes, as the adapter does.
 */
final class DnsPublishModel {

    /** A Route 53 API round trip. */
    static final long CALL_MS = 150;

    /**
     * @param doneMs     when the adapter reports the outcome
     * @param liveAtMs   when the authoritative answers change, or -1 if no change was accepted by this publish
     * @param status     INSYNC, ACCEPTED (not yet confirmed) or FAILED
     */
    record Result(long doneMs, long liveAtMs, PublishStatus status) {

        boolean failed() {
            return status == PublishStatus.FAILED;
        }
    }

    private record Call(long doneMs, boolean ok) {
    }

    /** The change accepted for {@code generation}, INSYNC at {@code liveAtMs}, not yet seen INSYNC. */
    private record Accepted(long generation, long acceptedAtMs, long liveAtMs) {
    }

    private final DnsApi api;
    private Accepted accepted;

    DnsPublishModel(DnsApi api) {
        this.api = api;
    }

    /**
     * @param generation  the plan's generation
     * @param alreadyLive whether the zone already holds this plan's generation
     * @param propagation ms from an accepted change to the answers changing (and INSYNC)
     * @param refused     whether one attempt made at the given ms is refused (throttled, API down)
     */
    Result publish(long startMs, long generation, boolean alreadyLive, long propagation, LongPredicate refused,
                   SplittableRandom random) {
        if (accepted != null && accepted.generation() == generation) {
            return confirm(startMs, -1, refused, random);
        }
        refused.test(startMs); // the read's one attempt: refused, the known records stand in
        long t = startMs + CALL_MS;
        if (alreadyLive) {
            return new Result(t, -1, PublishStatus.INSYNC);
        }
        Call submit = call(t, refused, random);
        if (!submit.ok()) {
            return new Result(submit.doneMs(), -1, PublishStatus.FAILED);
        }
        accepted = new Accepted(generation, submit.doneMs(), submit.doneMs() + propagation);
        return confirm(submit.doneMs(), accepted.liveAtMs(), refused, random);
    }

    /** Polls the accepted change; {@code liveAtMs} is reported as the result's (-1: sent by an earlier publish). */
    private Result confirm(long startMs, long liveAtMs, LongPredicate refused, SplittableRandom random) {
        long deadline = accepted.acceptedAtMs() + api.insyncTimeout().toMillis();
        long t = startMs;
        while (true) {
            Call poll = call(t, refused, random);
            if (!poll.ok()) {
                return new Result(poll.doneMs(), liveAtMs, poll.doneMs() > deadline ? PublishStatus.FAILED
                        : PublishStatus.ACCEPTED);
            }
            if (poll.doneMs() >= accepted.liveAtMs()) {
                accepted = null;
                return new Result(poll.doneMs(), liveAtMs, PublishStatus.INSYNC);
            }
            if (poll.doneMs() > deadline) {
                return new Result(poll.doneMs(), liveAtMs, PublishStatus.FAILED);
            }
            t = poll.doneMs() + api.pollInterval().toMillis();
        }
    }

    /** One API call with the adapter's retries: exponential backoff, ±50% jitter, capped. */
    private Call call(long startMs, LongPredicate refused, SplittableRandom random) {
        long t = startMs;
        for (int attempt = 1; ; attempt++) {
            boolean ok = !refused.test(t);
            t += CALL_MS;
            if (ok || attempt >= api.maxAttempts()) {
                return new Call(t, ok);
            }
            double interval = Math.min(api.maxBackoff().toMillis(),
                    api.initialBackoff().toMillis() * Math.pow(2, attempt - 1));
            t += Math.round(interval * (0.5 + random.nextDouble()));
        }
    }
}
