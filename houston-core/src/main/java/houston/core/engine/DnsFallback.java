package houston.core.engine;

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
 */
public record DnsFallback(long failingSince, List<String> live, List<String> requested, long retryAt) {

    public static final DnsFallback IDLE = new DnsFallback(0, List.of(), null, 0);

    public DnsFallback {
        live = List.copyOf(live);
        requested = requested == null ? null : List.copyOf(requested);
    }

    /** True when the data plane evacuates at least one location. */
    public boolean engaged() {
        return !live.isEmpty();
    }

    /** True when nothing is failing, engaged or in flight: the state a fresh start has. */
    public boolean idle() {
        return equals(IDLE);
    }
}
