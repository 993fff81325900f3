package houston.sim;

import houston.core.model.CapacityModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The reactive autoscaler every simulated location would have without Houston, modelled on a
 * Kubernetes HPA: every 15 s it compares the instances it has or has asked for with what the
 * current load needs at target utilisation and asks for the difference, so several scale-ups can
 * be in flight, each ready after the scale-up lead time. It never shrinks on its own; only
 * Houston's scale-down returns a receiver to its size.
 */
final class ReactiveAutoscaler {

    /** How often the reactive autoscaler re-evaluates (the HPA's sync period). */
    static final long HPA_PERIOD_MS = 15_000;

    /** Per location, the HPA's scale-ups in flight: {ready at ms, instances}. */
    private final List<List<long[]>> inFlight = new ArrayList<>();
    private final long[] nextEvaluation;

    ReactiveAutoscaler(int locations) {
        nextEvaluation = new long[locations];
        for (int i = 0; i < locations; i++) {
            inFlight.add(new ArrayList<>());
        }
    }

    /**
     * Lands {@code l}'s scale-ups ready by {@code ms}, and once a sync period has passed asks for
     * what its load needs beyond what it has or has asked for.
     */
    void react(SimWorld world, int l, long ms) {
        List<long[]> pending = inFlight.get(l);
        pending.removeIf(p -> {
            if (ms >= p[0]) {
                world.ready(l, (int) p[1]);
                return true;
            }
            return false;
        });
        if (ms < nextEvaluation[l]) {
            return;
        }
        nextEvaluation[l] = ms + HPA_PERIOD_MS;
        CapacityModel m = world.topology().location(l).capacity();
        int asked = world.instances(l);
        for (long[] p : pending) {
            asked = Math.max(asked, (int) p[1]);
        }
        int wanted = m.instancesFor(world.loadNow[l]);
        // The platform's scaler faults hit the reactive autoscaler as they hit Houston's pre-scales.
        if (wanted > asked && !world.anyActive(Fault.Kind.SCALER_FAIL, ms)) {
            double slow = Math.max(1.0, world.amount(Fault.Kind.SCALER_SLOW, ms));
            pending.add(new long[]{ms + (long) (m.scaleUpLeadTime().toMillis() * slow), wanted});
        }
    }
}
