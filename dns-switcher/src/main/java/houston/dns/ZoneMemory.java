package houston.dns;

import houston.dns.records.Change;
import houston.dns.records.RecordSet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a writer knows of its zone between calls: the records as it last read them or as its own
 * accepted changes left them, and the change it sent whose INSYNC it has not seen yet. Under a
 * throttle every call is a lottery: knowing the records lets a publish skip a refused read (the
 * ownership fence in its batch still makes the zone reject a stale view), and knowing the accepted
 * change lets a publish of the same generation poll it instead of sending it again (Route 53 applies
 * a change it has accepted; a throttled GetChange does not undo it). Used from the switch's thread only.
 */
final class ZoneMemory {

    /**
     * A change the zone accepted for plan {@code generation}, not yet seen INSYNC.
     *
     * @param atNanos  when it was accepted ({@link System#nanoTime()}): the INSYNC timeout runs from then
     * @param changes  how many changes it carried
     * @param note     what the outcome says about it beyond the id (a split batch)
     */
    record Accepted(long generation, String changeId, long atNanos, int changes, String note) {
    }

    private List<RecordSet> records;
    private Accepted accepted;

    /** Remembers {@code live}, just read from the zone, and returns it. */
    List<RecordSet> read(List<RecordSet> live) {
        records = List.copyOf(live);
        return live;
    }

    /** True once the writer has read the zone (and not forgotten it since). */
    boolean known() {
        return records != null;
    }

    List<RecordSet> records() {
        return records;
    }

    /** The zone accepted {@code batch}: the records are now as it leaves them. */
    void wrote(List<Change> batch) {
        if (records == null) {
            return;
        }
        Map<String, RecordSet> after = new LinkedHashMap<>();
        records.forEach(r -> after.put(r.key(), r));
        for (Change c : batch) {
            if (c.action() == Change.Action.DELETE) {
                after.remove(c.set().key());
            } else {
                after.put(c.set().key(), c.set());
            }
        }
        records = List.copyOf(after.values());
    }

    void accepted(Accepted change) {
        accepted = change;
    }

    /** The accepted, unconfirmed change of plan {@code generation}, or null. */
    Accepted acceptedFor(long generation) {
        return accepted != null && accepted.generation() == generation ? accepted : null;
    }

    /** The accepted change is INSYNC: nothing left to confirm. */
    void confirmed() {
        accepted = null;
    }

    /** Nothing known any more: the next publish reads the zone, with retries, and sends what differs. */
    void forget() {
        records = null;
        accepted = null;
    }
}
