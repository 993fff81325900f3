package houston.dns.records;

import java.util.List;
import java.util.Objects;

/**
 * One DNS record set as Route 53 models it: name, type, and for weighted routing a set
 * identifier and a weight. Names are fully qualified with the trailing dot.
 *
 * @param setIdentifier for weighted records: the serving location id; null otherwise
 * @param weight        0..255 for weighted records; null otherwise
 * @param healthCheckId the Route 53 health check the record is answered under (the data-plane
 *                      fallback drops it when the check fails); null for none
 */
public record RecordSet(String name, String type, String setIdentifier, Long weight, long ttl, List<String> values,
                        String healthCheckId) {

    /** A record set answered whatever any health check says. */
    public RecordSet(String name, String type, String setIdentifier, Long weight, long ttl, List<String> values) {
        this(name, type, setIdentifier, weight, ttl, values, null);
    }

    public RecordSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        values = List.copyOf(values);
        if (!name.endsWith(".")) {
            throw new IllegalArgumentException("record name '" + name + "' must be fully qualified (end with '.')");
        }
        if (weight != null && (weight < 0 || weight > 255)) {
            throw new IllegalArgumentException("weight " + weight + " of " + name + " (expected: 0..255)");
        }
    }

    /** The same record set, answered under {@code id} (null: under none). */
    public RecordSet withHealthCheck(String id) {
        return new RecordSet(name, type, setIdentifier, weight, ttl, values, id);
    }

    /** Identity within a zone: name, type and set identifier. */
    public String key() {
        return name.toLowerCase() + " " + type + " " + (setIdentifier == null ? "" : setIdentifier);
    }
}
