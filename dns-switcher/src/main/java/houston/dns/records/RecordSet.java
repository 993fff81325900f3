package houston.dns.records;

import java.util.List;
import java.util.Objects;

/**
 * One DNS record set as Route 53 models it: name, type, and for weighted routing a set
 * identifier and a weight. Names are fully qualified with the trailing dot.
 *
 * @param setIdentifier for weighted records: the serving location id; null otherwise
 * @param weight        0..255 for weighted records; null otherwise
 */
public record RecordSet(String name, String type, String setIdentifier, Long weight, long ttl, List<String> values) {

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

    /** Identity within a zone: name, type and set identifier. */
    public String key() {
        return name.toLowerCase() + " " + type + " " + (setIdentifier == null ? "" : setIdentifier);
    }
}
