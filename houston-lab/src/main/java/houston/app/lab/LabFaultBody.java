package houston.app.lab;

import com.fasterxml.jackson.core.JsonToken;

import java.util.List;
import java.util.Map;

/**
 * A {@code POST /lab/faults} body, read strictly: one JSON object of {@code target}, {@code fault} and
 * an optional whole-number {@code amount}. A field given twice, a misspelt field, an amount sent as
 * text or with a fraction is refused by name: read leniently, each once changed a lab in a way its
 * sender did not ask for (the last of two targets won, "50" became 50, a typo dropped the amount).
 */
public record LabFaultBody(String target, LabFault fault) {

    public static final String SHAPE = "{\"target\": LOCATION, \"fault\": KIND, \"amount\": NUMBER}";
    private static final String TARGETS = "a location id, vantage:NAME or dns-api";
    private static final String KINDS = "outage, brownout, latency, flap, clear, partition, down or up";

    /** The body's target and fault; an IllegalArgumentException names what is wrong and what was expected. */
    public static LabFaultBody parse(String text) {
        Map<String, StrictJsonObject.Field> fields = StrictJsonObject.read(text, List.of("target", "fault", "amount"),
                SHAPE, "{\"target\":\"us-east-1\",\"fault\":\"outage\"}");
        String target = required("target", string("target", fields.get("target"), TARGETS), TARGETS);
        String kind = required("fault", string("fault", fields.get("fault"), KINDS), KINDS);
        StrictJsonObject.Field amount = fields.get("amount");
        if (amount == null || amount.type() == JsonToken.VALUE_NULL) {
            return new LabFaultBody(target, LabFault.parse(kind, null));
        }
        if (amount.type() != JsonToken.VALUE_NUMBER_INT) {
            String shown = LabFault.clipped(amount.text(), amount.type() == JsonToken.VALUE_STRING ? "\"" : "");
            throw new IllegalArgumentException("amount: " + shown + " " + LabFault.amountExpected(kind));
        }
        return new LabFaultBody(target, LabFault.parse(kind, amount.text()));
    }

    private static String string(String field, StrictJsonObject.Field value, String expected) {
        if (value == null || value.type() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.type() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(field + ": " + LabFault.clipped(value.literal(), "")
                    + " (expected: " + expected + ", in " + SHAPE + ")");
        }
        return value.text();
    }

    private static String required(String field, String value, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing (expected: " + expected + ", in " + SHAPE + ")");
        }
        return value;
    }

}
