package houston.dns.zone;

import houston.dns.records.Change;
import houston.dns.records.RecordSet;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A zone in memory that keeps Route 53's rules: CREATE fails if the set exists; DELETE needs the
 * set's exact current TTL, weight and values; a batch is validated whole and applied all or
 * nothing; at most {@link Change#MAX_RECORDS_PER_BATCH} records per batch (an UPSERT counts twice); a change is
 * PENDING until {@code propagation} has passed, then INSYNC. Faults can be queued for tests.
 * Thread-safe.
 */
public class InMemoryZone implements ZoneStore {

    private final Clock clock;
    private final Duration propagation;
    private final TreeMap<String, RecordSet> records = new TreeMap<>();
    private final Map<String, Long> submittedAt = new HashMap<>();
    private final Deque<ZoneException> faults = new ArrayDeque<>();
    private final Deque<ZoneException> readFaults = new ArrayDeque<>();
    private final Deque<ZoneException> pollFaults = new ArrayDeque<>();
    private long nextChange = 1;
    private int submits;
    private boolean down;

    public InMemoryZone(Clock clock, Duration propagation) {
        this.clock = clock;
        this.propagation = propagation;
    }

    /** The next {@code submit} calls fail with these, in order (then normal service resumes). */
    public synchronized void failNext(ZoneException... failures) {
        faults.addAll(List.of(failures));
    }

    /** The next {@code list} calls (ListResourceRecordSets) fail with these, in order. */
    public synchronized void failNextReads(ZoneException... failures) {
        readFaults.addAll(List.of(failures));
    }

    /** The next {@code insync} calls (GetChange) fail with these, in order: a change accepted stays accepted. */
    public synchronized void failNextPolls(ZoneException... failures) {
        pollFaults.addAll(List.of(failures));
    }

    /**
     * While true every call fails as Route 53's control plane does when it is down (reads included:
     * ListResourceRecordSets is a control-plane call too); retryable, as a 503 is.
     */
    public synchronized void controlPlaneDown(boolean isDown) {
        this.down = isDown;
    }

    private void failIfDown() {
        if (down) {
            throw new ZoneException(ZoneException.Kind.SERVER_ERROR, "ServiceUnavailable: the DNS API is down");
        }
    }

    /** How many batches were submitted, accepted or not (tests count retries with it). */
    public synchronized int submits() {
        return submits;
    }

    @Override
    public synchronized List<RecordSet> list() {
        failIfDown();
        if (!readFaults.isEmpty()) {
            throw readFaults.poll();
        }
        return new ArrayList<>(records.values());
    }

    @Override
    public synchronized String submit(List<Change> batch, String comment) {
        submits++;
        failIfDown();
        if (!faults.isEmpty()) {
            throw faults.poll();
        }
        if (batch.isEmpty()) {
            throw invalid("the change batch is empty");
        }
        int count = Change.records(batch);
        if (count > Change.MAX_RECORDS_PER_BATCH) {
            throw invalid("Number of records limit of " + Change.MAX_RECORDS_PER_BATCH + " exceeded (" + count + ")");
        }
        TreeMap<String, RecordSet> next = new TreeMap<>(records);
        Set<String> touched = new HashSet<>();
        for (Change c : batch) {
            RecordSet s = c.set();
            if (!touched.add(s.key() + " " + c.action())) {
                throw invalid("duplicate " + c.action() + " of " + describe(s) + " in one batch");
            }
            RecordSet current = next.get(s.key());
            switch (c.action()) {
                case CREATE -> {
                    if (current != null) {
                        throw invalid("Tried to create resource record set " + describe(s) + " but it already exists");
                    }
                    next.put(s.key(), s);
                }
                case DELETE -> {
                    if (current == null) {
                        throw invalid("Tried to delete resource record set " + describe(s) + " but it was not found");
                    }
                    if (!current.equals(s)) {
                        throw invalid("Tried to delete resource record set " + describe(s)
                                + " but the values provided do not match the current values");
                    }
                    next.remove(s.key());
                }
                case UPSERT -> next.put(s.key(), s);
            }
        }
        records.clear();
        records.putAll(next);
        String id = "C" + String.format("%08d", nextChange++);
        submittedAt.put(id, clock.millis());
        return id;
    }

    @Override
    public synchronized boolean insync(String changeId) {
        failIfDown();
        if (!pollFaults.isEmpty()) {
            throw pollFaults.poll();
        }
        Long at = submittedAt.get(changeId);
        if (at == null) {
            throw new ZoneException(ZoneException.Kind.OTHER, "NoSuchChange: " + changeId);
        }
        return clock.millis() >= at + propagation.toMillis();
    }

    private static ZoneException invalid(String message) {
        return new ZoneException(ZoneException.Kind.INVALID_CHANGE_BATCH, message);
    }

    private static String describe(RecordSet s) {
        return "[name='" + s.name() + "', type='" + s.type() + "'"
                + (s.setIdentifier() == null ? "" : ", set-identifier='" + s.setIdentifier() + "'") + "]";
    }

    /** Replaces the whole content (used when loading a saved zone). */
    protected synchronized void load(List<RecordSet> sets) {
        records.clear();
        for (RecordSet s : sets) {
            records.put(s.key(), s);
        }
    }
}
