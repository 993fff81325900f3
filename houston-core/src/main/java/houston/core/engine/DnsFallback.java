package houston.core.engine;

import houston.core.model.TrafficPlan;

import java.util.List;

/**
 * What the engine remembers about the DNS control plane and the data-plane fallback.
 *
 * @param failingSince when publishes started failing and have failed ever since (epoch ms; 0:
 *                     the last publish that ended was not a failure)
 * @param live         the locations the data plane is confirmed to evacuate (empty: weights alone
 *                     route traffic: the control-plane path is live)
 * @param requested    the set last asked for and not yet confirmed, or null when nothing is in flight
 * @param retryAt      when a fallback change that failed is tried again (epoch ms; 0: not waiting)
 * @param inDns        the plan whose weights DNS holds (its floors decide where a dropped record's
 *                     users go), or null when not known yet (then the wanted plan stands for it)
 * @param unconfirmed  the plans sent to DNS and not confirmed yet, oldest first (publishes go one at a
 *                     time, so a generation's confirmation can come after the next was sent)
 * @param watchFailingSince when the control-plane watch's reads started failing and have failed
 *                     ever since (epoch ms; 0: its last read was answered, or no watch runs)
 * @param recoveredAt  when the API last answered again after failing (epoch ms; 0: never): an API
 *                     failing again soon after is flapping ({@link DnsFallbackTracker})
 */
public record DnsFallback(long failingSince, List<String> live, List<String> requested, long retryAt,
                          TrafficPlan inDns, List<TrafficPlan> unconfirmed, long watchFailingSince, long recoveredAt) {

    public static final DnsFallback IDLE = new DnsFallback(0, List.of(), null, 0);

    public DnsFallback {
        live = List.copyOf(live);
        requested = requested == null ? null : List.copyOf(requested);
        unconfirmed = List.copyOf(unconfirmed);
    }

    /** A fallback state with no plan known to be in DNS. */
    public DnsFallback(long failingSince, List<String> live, List<String> requested, long retryAt) {
        this(failingSince, live, requested, retryAt, null, List.of(), 0, 0);
    }

    /** A fallback state whose API never recovered from a failure. */
    public DnsFallback(long failingSince, List<String> live, List<String> requested, long retryAt, TrafficPlan inDns,
                       List<TrafficPlan> unconfirmed, long watchFailingSince) {
        this(failingSince, live, requested, retryAt, inDns, unconfirmed, watchFailingSince, 0);
    }

    /** This state with the outage, data-plane set and retry changed; what DNS holds kept. */
    DnsFallback with(long newFailingSince, List<String> newLive, List<String> newRequested, long newRetryAt) {
        return new DnsFallback(newFailingSince, newLive, newRequested, newRetryAt, inDns, unconfirmed, watchFailingSince,
                recoveredAt);
    }

    /** Plans sent and not confirmed kept at most: a publish that never answers must not grow the state. */
    static final int MAX_UNCONFIRMED = 16;

    /** This state with {@code plan} sent to DNS. */
    DnsFallback sending(TrafficPlan plan) {
        List<TrafficPlan> sent = new java.util.ArrayList<>(unconfirmed);
        sent.removeIf(p -> p.generation() >= plan.generation());
        sent.add(plan);
        return new DnsFallback(failingSince, live, requested, retryAt, inDns,
                sent.subList(Math.max(0, sent.size() - MAX_UNCONFIRMED), sent.size()), watchFailingSince, recoveredAt);
    }

    /** The plan of {@code generation} sent and not confirmed yet, or null. */
    TrafficPlan sent(long generation) {
        return unconfirmed.stream().filter(p -> p.generation() == generation).findFirst().orElse(null);
    }

    /** This state with {@code plan}'s weights confirmed in DNS. */
    DnsFallback holding(TrafficPlan plan) {
        return new DnsFallback(failingSince, live, requested, retryAt, plan,
                unconfirmed.stream().filter(p -> p.generation() > plan.generation()).toList(), watchFailingSince,
                recoveredAt);
    }

    /** This state with the watch failing since {@code since} (0: its reads are answered). */
    DnsFallback watching(long since) {
        return new DnsFallback(failingSince, live, requested, retryAt, inDns, unconfirmed, since, recoveredAt);
    }

    /** This state with the API seen answering again at {@code at} after failing. */
    DnsFallback recovered(long at) {
        return new DnsFallback(failingSince, live, requested, retryAt, inDns, unconfirmed, watchFailingSince, at);
    }

    /**
     * Since when the DNS API is known to fail: the earlier of failing publishes and a failing
     * watch (epoch ms; 0: neither fails). The fallback's clock and the floors' pre-scales run from it.
     */
    public long apiFailingSince() {
        if (failingSince == 0 || watchFailingSince == 0) {
            return Math.max(failingSince, watchFailingSince);
        }
        return Math.min(failingSince, watchFailingSince);
    }

    /**
     * An API failing again within this long of answering again is flapping: its new failure is not
     * given {@code fallback-after} to clear, since the last one did not stay cleared.
     */
    static final long FLAPPING_WINDOW_MS = java.time.Duration.ofMinutes(15).toMillis();

    /** True when the API, failing now, had come back from an earlier failure shortly before. */
    boolean flapping() {
        long since = apiFailingSince();
        return recoveredAt > 0 && since > 0 && since - recoveredAt < FLAPPING_WINDOW_MS;
    }

    /** True when the data plane evacuates at least one location. */
    public boolean engaged() {
        return !live.isEmpty();
    }

    /** True when nothing is failing, engaged or in flight: the state a fresh start has. */
    public boolean idle() {
        return failingSince == 0 && watchFailingSince == 0 && live.isEmpty() && requested == null && retryAt == 0;
    }
}
