package houston.core.plan;

import houston.core.config.PlannerConfig;
import houston.core.model.CapacityModel;
import houston.core.model.Location;
import houston.core.model.Topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses who takes a moved catchment: the nearest eligible locations, each filled up to its
 * maximum before the next one takes any.
 *
 * <p>Candidates are taken in (distance, id) order from the catchment's home, skipping those not
 * eligible or already at their maximum ({@code maxInstances × rpsPerInstance × target}). Each is
 * given all the moved demand that its maximum still holds, and only what does not fit goes on to
 * the next nearest, up to {@code maxReceivers}; what still does not fit is reported as unplaced,
 * never forced onto a receiver past its maximum. Every request served away from home pays the
 * round trip to where it is served, so a receiver 500 km away that can hold the whole catchment
 * once it has scaled is better than three that share it equally, one of them 4,000 km away.
 * While the nearest scale, the engine sends only what ready instances carry and spills the rest
 * nearest first too ({@code ReadyRoom}); this plan is where users end up once they have.
 *
 * <p>Cost: O(n) to walk the precomputed neighbour order. With zero demand to move, the
 * {@code receivers} nearest share the row equally so the plan still says where users would go.
 */
public final class NearestCapacityPlanner {

    /**
     * How full of its maximum a receiver is planned before a farther one takes any. Planned to the
     * brim, a receiver's own users growing by one request would push it past its maximum, and the
     * engine would move a sliver of the catchment off and back every few seconds (the us-east-1
     * drill published 307 plans instead of 5); a tenth kept back absorbs its own demand moving.
     * Only when the nearest cannot hold the move this way are they filled to their maximum.
     */
    static final double FILL = 0.9;

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
        int wanted = movedRps > 0 ? config.maxReceivers() : config.receivers();
        double roomBelowReserve = 0;
        for (int rank = 0; rank < topology.size() - 1 && chosen.size() < wanted; rank++) {
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
            roomBelowReserve += Math.max(0, FILL * candidate.capacity().maxRpsAtTarget() - loads[r]);
            if (movedRps > 0 && roomBelowReserve >= movedRps) {
                break;
            }
        }
        // Nearest first up to FILL of each maximum, then, only if that is not enough, up to the maximum.
        double[] taken = new double[chosen.size()];
        double left = movedRps;
        for (double level : new double[]{FILL, 1.0}) {
            for (int i = 0; i < chosen.size() && left > 1e-9 * movedRps; i++) {
                double max = topology.location(chosen.get(i)).capacity().maxRpsAtTarget();
                double take = Math.min(left, Math.max(0, level * max - loads[chosen.get(i)] - taken[i]));
                taken[i] += take;
                left -= take;
            }
        }
        List<Double> added = new ArrayList<>();
        List<Integer> receiving = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (movedRps <= 0 || taken[i] > 1e-9 * movedRps) {
                receiving.add(chosen.get(i));
                added.add(taken[i]);
            }
        }
        return placement(origin, movedRps, receiving, added, loads, instances, notes);
    }

    /**
     * Places {@code movedRps} of catchment {@code origin} on what the receivers run NOW: nearest
     * first, each up to {@link #readyCeiling} of its ready instances, over at most
     * {@code maxReceivers}. Used to bring an evacuated catchment back nearer once the nearest have
     * grown (or come back), so nothing is sent to capacity that is not ready; what finds no ready
     * room is reported unplaced. O(locations).
     *
     * @param loads requests/s each location serves now, without the moved demand; pass the
     *              larger of the live and the planned load so room promised to another
     *              evacuation is not taken
     */
    public Placement placeOnReady(int origin, double movedRps, double[] loads, boolean[] eligible, int[] instances) {
        List<Integer> receiving = new ArrayList<>();
        List<Double> added = new ArrayList<>();
        double left = movedRps;
        for (int rank = 0; rank < topology.size() - 1 && left > 1e-9 * movedRps
                && receiving.size() < config.maxReceivers(); rank++) {
            int r = topology.neighbour(origin, rank);
            double take = Math.min(left, readyCeiling(topology.location(r).capacity(), instances[r]) - loads[r]);
            if (eligible[r] && take > 1e-9 * movedRps) {
                receiving.add(r);
                added.add(take);
                left -= take;
            }
        }
        return placement(origin, movedRps, receiving, added, loads, instances, new ArrayList<>());
    }

    /**
     * The most a receiver is planned to carry on {@code ready} instances that may not grow (its
     * scaler failed, or it is not asked to): the interim ceiling of those instances (90% of what
     * they serve: the engine already runs receivers there while they scale, and 10% stays for
     * bursts), and never past {@link #FILL} of its maximum, the room kept for its own users.
     */
    public static double readyCeiling(CapacityModel capacity, int ready) {
        return Math.min(capacity.rpsWhileScaling(ready), FILL * capacity.maxRpsAtTarget());
    }

    private Placement placement(int origin, double movedRps, List<Integer> chosen, List<Double> added, double[] loads,
                                int[] instances, List<String> notes) {
        if (chosen.isEmpty()) {
            notes.add("no eligible receiver with spare capacity");
            return new Placement(topology.location(origin).id(), movedRps, List.of(), movedRps, notes);
        }
        List<ReceiverShare> shares = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            int r = chosen.get(i);
            CapacityModel capacity = topology.location(r).capacity();
            double fraction = movedRps > 0 ? added.get(i) / movedRps : 1.0 / chosen.size();
            double addedRps = added.get(i);
            double after = loads[r] + addedRps;
            shares.add(new ReceiverShare(topology.location(r).id(), topology.distance(origin, r), fraction, addedRps,
                    loads[r], after, instances[r], Math.max(instances[r], capacity.instancesFor(after)),
                    capacity.maxRpsAtTarget()));
        }
        double placed = added.stream().mapToDouble(Double::doubleValue).sum();
        double unplaced = movedRps > 0 ? Math.max(0, movedRps - placed) : 0;
        return new Placement(topology.location(origin).id(), movedRps, shares, unplaced < 1e-6 ? 0 : unplaced, notes);
    }
}
