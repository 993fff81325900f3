package houston.core.plan;

import houston.core.config.PlannerConfig;
import houston.core.model.CapacityModel;
import houston.core.model.Location;
import houston.core.model.Topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses who takes a moved catchment: the nearest eligible locations with spare capacity,
 * water-filled.
 *
 * <p>Candidates are taken in (distance, id) order from the catchment's home, skipping those not
 * eligible or already at their maximum. The first {@code receivers} are water-filled: every
 * receiver is raised to the same level λ of its maximum capacity at target utilisation
 * ({@code maxInstances × rpsPerInstance × target}), the least loaded first, until the moved
 * demand is placed. If even λ = 1 (every chosen receiver at its maximum) cannot absorb it, the
 * next nearest candidate joins, up to {@code maxReceivers}; what still does not fit is reported
 * as unplaced, never forced onto a receiver past its maximum.
 *
 * <p>Cost: O(n) to walk the precomputed neighbour order plus O(k log k) for the water level,
 * k ≤ maxReceivers. With zero demand to move, the nearest receivers share the row equally so
 * the plan still says where users would go.
 */
public final class NearestCapacityPlanner {

    private final Topology topology;
    private final PlannerConfig config;

    public NearestCapacityPlanner(Topology topology, PlannerConfig config) {
        this.topology = topology;
        this.config = config;
    }

    /**
     * Places {@code movedRps} of catchment {@code origin}.
     *
     * @param loads     requests/s each location serves now, without the moved demand
     * @param eligible  which locations may receive (healthy, not pinned away, not the evacuee)
     * @param instances instances each location runs now
     */
    public Placement place(int origin, double movedRps, double[] loads, boolean[] eligible, int[] instances) {
        List<Integer> chosen = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double room = 0;
        for (int rank = 0; rank < topology.size() - 1 && chosen.size() < config.maxReceivers(); rank++) {
            int r = topology.neighbour(origin, rank);
            Location candidate = topology.location(r);
            double spare = candidate.capacity().maxRpsAtTarget() - loads[r];
            if (!eligible[r]) {
                continue;
            }
            if (spare <= 0) {
                notes.add(candidate.id() + " passed over: no spare capacity even at its maximum ("
                        + Math.round(loads[r]) + " rps of " + Math.round(candidate.capacity().maxRpsAtTarget()) + ")");
                continue;
            }
            chosen.add(r);
            room += spare;
            if (chosen.size() >= config.receivers() && room >= movedRps) {
                break;
            }
        }
        if (chosen.isEmpty()) {
            notes.add("no eligible receiver with spare capacity");
            return new Placement(topology.location(origin).id(), movedRps, List.of(), movedRps, notes);
        }
        double[] added = movedRps > 0 ? waterFill(chosen, movedRps, loads) : evenShares(chosen.size());
        double placed = Arrays.stream(added).sum();
        List<ReceiverShare> shares = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            int r = chosen.get(i);
            if (movedRps > 0 && added[i] <= 1e-9 * movedRps) {
                // Already above the water level: it takes none of this catchment, so it is no receiver
                // (listing it would plan a zero share and a pre-scale for nothing).
                continue;
            }
            CapacityModel capacity = topology.location(r).capacity();
            double fraction = movedRps > 0 ? added[i] / movedRps : added[i];
            double addedRps = movedRps > 0 ? added[i] : 0;
            double after = loads[r] + addedRps;
            shares.add(new ReceiverShare(topology.location(r).id(), topology.distance(origin, r), fraction, addedRps,
                    loads[r], after, instances[r], Math.max(instances[r], capacity.instancesFor(after)),
                    capacity.maxRpsAtTarget()));
        }
        double unplaced = movedRps > 0 ? Math.max(0, movedRps - placed) : 0;
        return new Placement(topology.location(origin).id(), movedRps, shares, unplaced < 1e-6 ? 0 : unplaced, notes);
    }

    /**
     * Amounts a_i = max(0, λ·c_i − b_i), with λ ≤ 1 chosen so that Σ a_i = demand when possible.
     * Receivers join in order of their current level b_i / c_i; for j active receivers
     * λ = (demand + Σ b) / Σ c over those j.
     */
    private double[] waterFill(List<Integer> chosen, double demand, double[] loads) {
        int k = chosen.size();
        double[] cap = new double[k];
        double[] load = new double[k];
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            cap[i] = topology.location(chosen.get(i)).capacity().maxRpsAtTarget();
            load[i] = loads[chosen.get(i)];
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> load[i] / cap[i]).thenComparingInt(i -> i));
        double sumLoad = 0;
        double sumCap = 0;
        double level = 1.0;
        for (int j = 0; j < k; j++) {
            int i = order[j];
            sumLoad += load[i];
            sumCap += cap[i];
            double candidate = (demand + sumLoad) / sumCap;
            boolean lastActive = j == k - 1 || candidate <= load[order[j + 1]] / cap[order[j + 1]];
            if (lastActive) {
                level = Math.min(1.0, candidate);
                break;
            }
        }
        double[] added = new double[k];
        for (int i = 0; i < k; i++) {
            added[i] = Math.max(0, level * cap[i] - load[i]);
        }
        return added;
    }

    private static double[] evenShares(int k) {
        double[] shares = new double[k];
        Arrays.fill(shares, 1.0 / k);
        return shares;
    }
}
