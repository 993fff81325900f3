package houston.capacity;

import houston.core.engine.DecisionEngine;
import houston.core.engine.EvacuationWhatIf;
import houston.core.model.CapacityModel;
import houston.core.model.Location;
import houston.core.model.Topology;
import houston.core.plan.Placement;
import houston.core.plan.ReceiverShare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * N+K buffer planning: the fewest instances per location such that losing any K locations at peak
 * demand is absorbed by the receivers the engine itself would choose, at or under target
 * utilisation.
 *
 * <p>For every failure set of size K (C(n, K) sets, in lexicographic order) it asks
 * {@link EvacuationWhatIf} where the lost catchments go, and takes for each receiver the
 * instances its load in that case needs. A location's requirement is the largest of its own
 * peak need and every case's; the case that sets it is its worst case. A case where demand found
 * no receiver below its maximum is a shortfall no instance count fixes. Cost: C(n, K) engine
 * steps of O(n²) each — 15 locations: 15 steps for K = 1, 455 for K = 3.
 */
public final class BufferPlanner {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private final DecisionEngine engine;
    private final Topology topology;

    public BufferPlanner(DecisionEngine engine) {
        this.engine = engine;
        this.topology = engine.topology();
    }

    public BufferPlan plan(int survive) {
        int minServing = engine.config().safety().minServing();
        // Losing more than min-serving allows is refused by the engine's safety rules in every case:
        // say so once, naming the rule, rather than through the first case that runs into it.
        int allowed = Math.min(topology.size() - 1, topology.size() - minServing);
        if (survive < 1 || survive > allowed) {
            throw new IllegalArgumentException("--survive: " + survive + " (expected: 1.." + allowed
                    + (allowed < topology.size() - 1 ? "; houston.safety.min-serving = " + minServing + " keeps at least "
                    + minServing + " of " + topology.size() + " locations serving" : "") + ")");
        }
        int n = topology.size();
        int[] required = new int[n];
        double[] peak = new double[n];
        Map<Integer, List<String>> worst = new HashMap<>();
        for (int l = 0; l < n; l++) {
            CapacityModel c = topology.location(l).capacity();
            peak[l] = topology.location(l).peakDemandRps();
            required[l] = c.instancesFor(peak[l]);
        }
        List<Shortfall> shortfalls = new ArrayList<>();
        EvacuationWhatIf whatIf = new EvacuationWhatIf(engine);
        int cases = 0;
        for (int[] failed = first(survive); failed != null; failed = next(failed, n)) {
            cases++;
            List<String> ids = ids(failed);
            EvacuationWhatIf.Answer answer = whatIf.evacuate(ids, AT);
            answer.alerts().stream().filter(a -> a.kind() == houston.core.engine.AlertKind.EVACUATION_HELD).findFirst()
                    .ifPresent(a -> {
                        throw new IllegalArgumentException("cannot plan for losing " + survive + " locations: " + a.message());
                    });
            List<Placement> placements = answer.placements();
            double unplaced = 0;
            List<String> atMax = new ArrayList<>();
            for (Placement p : placements) {
                unplaced += p.unplacedRps();
                for (ReceiverShare r : p.receivers()) {
                    int index = topology.indexOf(r.location());
                    int need = topology.location(index).capacity().instancesFor(r.loadAfterRps());
                    if (need > required[index] || (need == required[index] && r.loadAfterRps() > peak[index])) {
                        required[index] = need;
                        peak[index] = r.loadAfterRps();
                        worst.put(index, ids);
                    }
                    if (p.unplacedRps() > 0 && !atMax.contains(r.location())) {
                        atMax.add(r.location());
                    }
                }
            }
            if (unplaced > 0.5) {
                shortfalls.add(new Shortfall(ids, unplaced, atMax));
            }
        }
        List<LocationBuffer> buffers = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            Location location = topology.location(l);
            buffers.add(new LocationBuffer(location.id(), location.capacity().instances(), required[l],
                    worst.getOrDefault(l, List.of()), peak[l]));
        }
        return new BufferPlan(survive, cases, buffers, shortfalls);
    }

    private List<String> ids(int[] indexes) {
        List<String> ids = new ArrayList<>();
        for (int i : indexes) {
            ids.add(topology.location(i).id());
        }
        return ids;
    }

    private static int[] first(int k) {
        int[] c = new int[k];
        for (int i = 0; i < k; i++) {
            c[i] = i;
        }
        return c;
    }

    /** The next k-combination of 0..n-1 in lexicographic order, or null after the last. */
    private static int[] next(int[] c, int n) {
        int[] d = c.clone();
        int k = d.length;
        int i = k - 1;
        while (i >= 0 && d[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return null;
        }
        d[i]++;
        for (int j = i + 1; j < k; j++) {
            d[j] = d[j - 1] + 1;
        }
        return d;
    }
}
