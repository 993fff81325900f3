package houston.dns.records;

import houston.core.model.Location;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import houston.core.plan.FallbackReceivers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a traffic plan lives in a zone. Each catchment has a pool {@code <location>.pool.<zone>}
 * holding one weighted A record per serving location (set identifier = serving location id,
 * values = its edge addresses); a location that serves none of a catchment has weight 0, never a
 * missing record. The TXT record {@code _houston.<zone>} names the writer and the plan
 * generation: {@code "writer=<id> generation=<n>"}; a replica elected leader adds the epoch its
 * coordination engine issued: {@code "writer=<id> epoch=<e> generation=<n>"}.
 */
public final class PoolLayout {

    private final Topology topology;
    private final String zone;
    private final long ttl;
    /** null: pools hold the plan's weights only (no data-plane fallback to prepare for). */
    private final FallbackReceivers floors;

    /** @param zone the zone apex, e.g. {@code example.net.} (a trailing dot is added if missing) */
    public PoolLayout(Topology topology, String zone, long ttlSeconds) {
        this(topology, zone, ttlSeconds, null);
    }

    /**
     * @param floors when not null, every pool whose home serves it gives the home's fallback
     *               receivers their floor weight (at least): where Route 53 sends the catchment
     *               when the data-plane fallback drops the home's records
     */
    public PoolLayout(Topology topology, String zone, long ttlSeconds, FallbackReceivers floors) {
        this.floors = floors;
        this.topology = topology;
        this.zone = zone.endsWith(".") ? zone.toLowerCase(Locale.ROOT) : zone.toLowerCase(Locale.ROOT) + ".";
        this.ttl = ttlSeconds;
    }

    public String zone() {
        return zone;
    }

    public String poolName(String catchment) {
        return catchment + ".pool." + zone;
    }

    public String ownershipName() {
        return "_houston." + zone;
    }

    /** Every pool record the plan needs, catchment by catchment, serving locations in id order. */
    public List<RecordSet> records(TrafficPlan plan) {
        List<RecordSet> sets = new ArrayList<>();
        double[][] rows = rows(plan);
        for (int c = 0; c < topology.size(); c++) {
            long[] w = Weights.of(rows[c]);
            long[] floor = floors == null ? new long[w.length] : floors.floors(c, rows);
            for (int r = 0; r < w.length; r++) {
                w[r] = Math.max(w[r], floor[r]);
            }
            for (int s = 0; s < topology.size(); s++) {
                Location serving = topology.location(s);
                sets.add(new RecordSet(poolName(topology.location(c).id()), "A", serving.id(), w[s], ttl,
                        serving.edges()));
            }
        }
        return sets;
    }

    private double[][] rows(TrafficPlan plan) {
        double[][] rows = new double[topology.size()][];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = plan.row(c);
        }
        return rows;
    }

    /** The ownership record for {@code writer} at {@code generation}. */
    public RecordSet ownership(String writer, long generation) {
        return ownership(writer, 0, generation);
    }

    /** The ownership record for {@code writer}, leader at {@code epoch} (0: no epoch, a single daemon). */
    public RecordSet ownership(String writer, long epoch, long generation) {
        String fence = epoch > 0 ? " epoch=" + epoch : "";
        return new RecordSet(ownershipName(), "TXT", null, null, ttl,
                List.of("\"writer=" + writer + fence + " generation=" + generation + "\""));
    }

    /** The generation an ownership record names, or 0 when absent or unreadable. */
    public static long generationOf(RecordSet ownership) {
        return field(ownership, "generation=");
    }

    /** The leader epoch an ownership record names, or 0 when absent (a single daemon wrote it). */
    public static long epochOf(RecordSet ownership) {
        return field(ownership, "epoch=");
    }

    private static long field(RecordSet ownership, String name) {
        if (ownership == null || ownership.values().isEmpty()) {
            return 0;
        }
        String text = ownership.values().get(0).replace("\"", "");
        for (String part : text.split(" ")) {
            if (part.startsWith(name)) {
                try {
                    return Long.parseLong(part.substring(name.length()));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /**
     * The plan the live records describe. A pool with no records at all reads as home; a row
     * whose weights are all 0 reads as Route 53 answers it, an even split. Floors are not part of
     * the plan: a pool whose home holds all 255 reads at home, and elsewhere a fallback receiver's weight
     * equal to its floor in a pool whose home serves it reads as 0.
     */
    public TrafficPlan plan(List<RecordSet> live) {
        Map<String, long[]> weights = new HashMap<>();
        RecordSet owner = null;
        for (RecordSet r : live) {
            if (r.name().equalsIgnoreCase(ownershipName()) && "TXT".equals(r.type())) {
                owner = r;
                continue;
            }
            for (int c = 0; c < topology.size(); c++) {
                String catchment = topology.location(c).id();
                if (r.name().equalsIgnoreCase(poolName(catchment)) && "A".equals(r.type()) && r.setIdentifier() != null
                        && topology.contains(r.setIdentifier())) {
                    weights.computeIfAbsent(catchment, k -> new long[topology.size()])[topology.indexOf(r.setIdentifier())] =
                            r.weight() == null ? 0 : r.weight();
                }
            }
        }
        unfloor(weights);
        Map<String, Map<String, Double>> rows = new HashMap<>();
        for (Map.Entry<String, long[]> e : weights.entrySet()) {
            double[] f = Weights.fractions(e.getValue());
            Map<String, Double> row = new HashMap<>();
            for (int s = 0; s < f.length; s++) {
                if (f[s] > 0) {
                    row.put(topology.location(s).id(), f[s]);
                }
            }
            rows.put(e.getKey(), row);
        }
        return TrafficPlan.of(topology.ids(), rows, generationOf(owner));
    }

    private void unfloor(Map<String, long[]> weights) {
        if (floors == null) {
            return;
        }
        int n = topology.size();
        double[][] rows = new double[n][];
        for (int c = 0; c < n; c++) {
            long[] w = weights.get(topology.location(c).id());
            rows[c] = w == null || floorsOnly(c, w) ? home(c) : Weights.fractions(w);
        }
        for (int c = 0; c < n; c++) {
            long[] w = weights.get(topology.location(c).id());
            if (w == null) {
                continue;
            }
            if (floorsOnly(c, w)) {
                Arrays.fill(w, 0);
                w[c] = Weights.TOTAL;
                continue;
            }
            long[] floor = floors.floors(c, rows);
            for (int r = 0; r < n; r++) {
                if (floor[r] > 0 && w[r] == floor[r]) {
                    w[r] = 0;
                }
            }
        }
    }

    /**
     * A pool whose home holds the plan's full weight is at home: a plan's weights sum to 255, so
     * whatever else the pool holds, up to the floors' units, is floors. Recomputing the floors to
     * tell them apart is not enough: they depend on every receiver's load, which the floored rows
     * read back overstate, so a floor may come out elsewhere and the pool read as an evacuation.
     */
    private boolean floorsOnly(int c, long[] w) {
        return w[c] == Weights.TOTAL && Arrays.stream(w).sum() - w[c] <= floors.maxUnits();
    }

    private double[] home(int c) {
        double[] row = new double[topology.size()];
        row[c] = 1;
        return row;
    }
}
