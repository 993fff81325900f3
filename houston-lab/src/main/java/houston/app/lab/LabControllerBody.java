package houston.app.lab;

import com.fasterxml.jackson.core.JsonToken;

import java.util.List;
import java.util.Map;

/**
 * A {@code POST /lab/controllers} body, read strictly ({@link StrictJsonObject}): which replica, as a
 * whole number, and which fault. Read leniently, {@code "replica": 1.5} killed replica 1 and a huge
 * number wrapped around to it; a missing fault or a replica sent as text was a 500 and a stack trace.
 */
record LabControllerBody(int replica, String fault) {

    static final String SHAPE = "{\"replica\": N, \"fault\": \"kill\"|\"partition\"|\"clear\"}";

    static LabControllerBody parse(String text) {
        Map<String, StrictJsonObject.Field> fields = StrictJsonObject.read(text, List.of("replica", "fault"), SHAPE,
                "{\"replica\":1,\"fault\":\"kill\"}");
        StrictJsonObject.Field replica = fields.get("replica");
        StrictJsonObject.Field fault = fields.get("fault");
        if (replica == null || fault == null) {
            throw new IllegalArgumentException((replica == null ? "replica" : "fault") + ": missing (expected: " + SHAPE + ")");
        }
        if (replica.type() != JsonToken.VALUE_NUMBER_INT || !replica.text().matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("replica: " + LabFault.clipped(replica.literal(), "")
                    + " (expected: a replica's number, 1, 2, …, in " + SHAPE + ")");
        }
        if (fault.type() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("fault: " + LabFault.clipped(fault.literal(), "")
                    + " (expected: kill, partition or clear, in " + SHAPE + ")");
        }
        return new LabControllerBody(Integer.parseInt(replica.text()), fault.text());
    }
}
