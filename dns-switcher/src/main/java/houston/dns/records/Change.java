package houston.dns.records;

/** One change in a batch, with Route 53's semantics: CREATE fails if the set exists, DELETE needs its exact current value. */
public record Change(Action action, RecordSet set) {

    public enum Action { CREATE, DELETE, UPSERT }

    @Override
    public String toString() {
        RecordSet s = set;
        return String.format("%-6s %s %s%s ttl=%d %s", action, s.name(), s.type(),
                s.setIdentifier() == null ? "" : " [" + s.setIdentifier() + " weight=" + s.weight() + "]", s.ttl(), s.values());
    }
}
