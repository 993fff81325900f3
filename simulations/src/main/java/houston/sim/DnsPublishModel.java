package houston.sim;

import java.util.SplittableRandom;
import java.util.function.LongPredicate;

/**
 * One publish as the daemon's DNS adapter makes it, in virtual time: read the live records, send
 * the change (unless the plan's generation is live already), then poll it until INSYNC. Each of
 * these calls is retried with the adapter's backoff ({@link DnsApi}); the publish fails when one
 * call fails every attempt. A change the provider accepted still goes live {@code propagation}
 * later even if a poll after it fails: the publish is reported failed, the answers change anyway,
 * and the next publish finds the generation live and sends nothing.
 */
final class DnsPublishModel {

    /** A Route 53 API round trip. */
    static final long CALL_MS = 150;

    /**
     * @param doneMs     when the adapter reports the outcome
     * @param liveAtMs   when the authoritative answers change, or -1 if the change was never accepted
     * @param failed     whether the outcome is a failure
     */
    record Result(long doneMs, long liveAtMs, boolean failed) {
    }

    private record Call(long doneMs, boolean ok) {
    }

    private final DnsApi api;

    DnsPublishModel(DnsApi api) {
        this.api = api;
    }

    /**
     * @param refused     whether one attempt made at the given ms is refused (throttled, API down)
     * @param alreadyLive whether the zone already holds this plan's generation
     * @param propagation ms from an accepted change to the answers changing (and INSYNC)
     */
    Result publish(long startMs, boolean alreadyLive, long propagation, LongPredicate refused, SplittableRandom random) {
        Call list = call(startMs, refused, random);
        if (!list.ok() || alreadyLive) {
            return new Result(list.doneMs(), -1, !list.ok());
        }
        Call submit = call(list.doneMs(), refused, random);
        if (!submit.ok()) {
            return new Result(submit.doneMs(), -1, true);
        }
        long live = submit.doneMs() + propagation;
        long deadline = submit.doneMs() + api.insyncTimeout().toMillis();
        long t = submit.doneMs();
        while (true) {
            Call poll = call(t, refused, random);
            if (!poll.ok() || poll.doneMs() >= live) {
                return new Result(poll.doneMs(), live, !poll.ok());
            }
            if (poll.doneMs() > deadline) {
                return new Result(poll.doneMs(), live, true);
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
