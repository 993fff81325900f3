package houston.dns;

import houston.core.model.TrafficPlan;
import houston.dns.records.Change;
import houston.dns.records.PoolLayout;
import houston.dns.records.RecordSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The change batches a writer sends, computed from the records it read: what a plan changes, what
 * {@code dns init} creates, and how a batch too big for Route 53 is split. Each batch carries the
 * ownership fence (DELETE the value this writer last saw, CREATE its own), so the zone itself refuses
 * a writer whose view is stale. Pure: no zone calls.
 */
final class ChangeBatches {

    private final PoolLayout layout;
    private final String writerId;

    ChangeBatches(PoolLayout layout, String writerId) {
        this.layout = layout;
        this.writerId = writerId;
    }

    List<Change> creates(TrafficPlan home, Map<String, String> healthChecks, List<RecordSet> liveSets) {
        Map<String, RecordSet> live = byKey(liveSets);
        List<Change> creates = new ArrayList<>();
        for (RecordSet wanted : layout.records(home)) {
            String check = healthChecks.get(wanted.setIdentifier());
            RecordSet current = live.get(wanted.key());
            if (current == null) {
                creates.add(new Change(Change.Action.CREATE, check == null ? wanted : wanted.withHealthCheck(check)));
            } else if (check != null && !check.equals(current.healthCheckId())) {
                creates.add(new Change(Change.Action.UPSERT, current.withHealthCheck(check)));
            }
        }
        RecordSet owner = layout.ownership(writerId, home.generation());
        if (!live.containsKey(owner.key())) {
            creates.add(new Change(Change.Action.CREATE, owner));
        }
        return creates;
    }

    /**
     * The batch as Route 53 will take it: one batch when it fits the record limit; otherwise
     * parts that each fit, each carrying the fence forward (DELETE the previous part's ownership
     * value, CREATE the next), the last one writing the plain value. A writer that dies half-way
     * leaves the generation recorded with its part number, and the next publish sends the rest.
     */
    List<List<Change>> split(List<Change> batch, long epoch, long generation) {
        if (Change.records(batch) <= Change.MAX_RECORDS_PER_BATCH) {
            return List.of(batch);
        }
        List<Change> pools = batch.stream().filter(c -> !c.set().name().equalsIgnoreCase(layout.ownershipName())).toList();
        RecordSet fence = batch.stream().filter(c -> c.action() == Change.Action.DELETE
                && c.set().name().equalsIgnoreCase(layout.ownershipName())).map(Change::set).findFirst().orElse(null);
        List<List<Change>> chunks = new ArrayList<>();
        List<Change> chunk = new ArrayList<>();
        for (Change c : pools) {
            chunk.add(c);
            if (Change.records(chunk) + 2 > Change.MAX_RECORDS_PER_BATCH - 2) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        List<List<Change>> parts = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            List<Change> part = new ArrayList<>(chunks.get(i));
            if (fence != null) {
                part.add(new Change(Change.Action.DELETE, fence));
            }
            RecordSet next = i == chunks.size() - 1 ? layout.ownership(writerId, epoch, generation)
                    : layout.ownership(writerId + " part=" + (i + 1) + "/" + chunks.size(), epoch, generation);
            part.add(new Change(Change.Action.CREATE, next));
            fence = next;
            parts.add(part);
        }
        return parts;
    }

    /** Changed pool records as UPSERTs, plus the ownership fence; empty when nothing differs. */
    List<Change> batch(TrafficPlan plan, List<RecordSet> live, RecordSet fence, long epoch) {
        Map<String, RecordSet> current = byKey(live);
        List<Change> changes = new ArrayList<>();
        for (RecordSet planned : layout.records(plan)) {
            RecordSet held = current.get(planned.key());
            // Health checks are dns init's to attach: a publish keeps whichever the record is tied to.
            RecordSet wanted = held == null ? planned : planned.withHealthCheck(held.healthCheckId());
            if (!wanted.equals(held)) {
                changes.add(new Change(Change.Action.UPSERT, wanted));
            }
        }
        if (fence != null) {
            changes.add(new Change(Change.Action.DELETE, fence));
        }
        changes.add(new Change(Change.Action.CREATE, layout.ownership(writerId, epoch, plan.generation())));
        return changes;
    }

    RecordSet owner(List<RecordSet> live) {
        return live.stream().filter(r -> r.name().equalsIgnoreCase(layout.ownershipName()) && "TXT".equals(r.type()))
                .findFirst().orElse(null);
    }

    static boolean sameOwner(RecordSet a, RecordSet b) {
        return a == null ? b == null : a.equals(b);
    }

    private static Map<String, RecordSet> byKey(List<RecordSet> sets) {
        Map<String, RecordSet> map = new HashMap<>();
        sets.forEach(s -> map.put(s.key(), s));
        return map;
    }
}
