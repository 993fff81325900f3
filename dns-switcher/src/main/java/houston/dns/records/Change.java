package houston.dns.records;

/** One change in a batch, with Route 53's semantics: CREATE fails if the set exists, DELETE needs its exact current value. */
public record Change(Action action, RecordSet set) {

    /** Route 53's limit on ResourceRecord elements in one ChangeResourceRecordSets call. */
    public static final int MAX_RECORDS_PER_BATCH = 1000;

    public enum Action { CREATE, DELETE, UPSERT }

    /** How many records a batch counts against the limit: an UPSERT counts twice, as Route 53 counts it. */
    public static int records(java.util.List<Change> batch) {
        int count = 0;
        for (Change c : batch) {
            count += Math.max(1, c.set().values().size()) * (c.action() == Action.UPSERT ? 2 : 1);
        }
        return count;
    }

    @Override
    public String toString() {
        RecordSet s = set;
        return String.format("%-6s %s %s%s ttl=%d %s%s", action, s.name(), s.type(),
                s.setIdentifier() == null ? "" : " [" + s.setIdentifier() + " weight=" + s.weight() + "]", s.ttl(), s.values(),
                s.healthCheckId() == null ? "" : " health-check=" + s.healthCheckId());
    }
}
