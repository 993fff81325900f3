package houston.app.lab;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * A {@code POST /lab/faults} body, read strictly: one JSON object of {@code target}, {@code fault} and
 * an optional whole-number {@code amount}. A field given twice, a misspelt field, an amount sent as
 * text or with a fraction is refused by name: read leniently, each once changed a lab in a way its
 * sender did not ask for (the last of two targets won, "50" became 50, a typo dropped the amount).
 */
public record LabFaultBody(String target, LabFault fault) {

    public static final String SHAPE = "{\"target\": LOCATION, \"fault\": KIND, \"amount\": NUMBER}";
    private static final JsonFactory JSON = new JsonFactory();

    /** The body's target and fault; an IllegalArgumentException names what is wrong and what was expected. */
    public static LabFaultBody parse(String text) {
        if (text == null || text.isBlank()) {
            // What Vert.x hands over for a POST without a body (Content-Length 0 or none at all).
            throw new IllegalArgumentException("body: empty (expected: one JSON object, e.g. "
                    + "{\"target\":\"us-east-1\",\"fault\":\"outage\"})");
        }
        String target = null;
        String kind = null;
        JsonToken amountType = null;
        String amount = null;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notOneObject();
            }
            Set<String> seen = new HashSet<>();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                if (!seen.add(name)) {
                    throw new IllegalArgumentException("body: " + LabFault.quoted(name)
                            + " given twice (expected: each field once, in " + SHAPE + ")");
                }
                JsonToken value = p.nextToken();
                String literal = literal(p, value);
                switch (name) {
                    case "target" -> target = string(name, value, literal, "a location id, vantage:NAME or dns-api");
                    case "fault" -> kind = string(name, value, literal,
                            "outage, brownout, latency, flap, clear, partition, down or up");
                    case "amount" -> {
                        amountType = value;
                        amount = value == JsonToken.VALUE_STRING ? p.getText() : literal;
                    }
                    default -> throw new IllegalArgumentException(LabFault.quoted(name)
                            + ": unknown field (expected: target, fault and amount, in " + SHAPE + ")");
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw notOneObject();
            }
        } catch (IOException e) {
            // The parser's own text names its internals, not what to send.
            throw notOneObject();
        }
        target = required("target", target, "a location id, vantage:NAME or dns-api");
        kind = required("fault", kind, "outage, brownout, latency, flap, clear, partition, down or up");
        if (amountType == null || amountType == JsonToken.VALUE_NULL) {
            return new LabFaultBody(target, LabFault.parse(kind, null));
        }
        if (amountType != JsonToken.VALUE_NUMBER_INT) {
            String shown = LabFault.clipped(amount, amountType == JsonToken.VALUE_STRING ? "\"" : "");
            throw new IllegalArgumentException("amount: " + shown + " " + LabFault.amountExpected(kind));
        }
        return new LabFaultBody(target, LabFault.parse(kind, amount));
    }

    /** A value as it was written: a number's digits, an object or array skipped and shown by its kind. */
    private static String literal(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            p.skipChildren();
            return value == JsonToken.START_OBJECT ? "an object" : "an array";
        }
        return value == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : p.getText();
    }

    private static String string(String field, JsonToken value, String literal, String expected) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(field + ": " + LabFault.clipped(literal, "")
                    + " (expected: " + expected + ", in " + SHAPE + ")");
        }
        return literal.substring(1, literal.length() - 1);
    }

    private static String required(String field, String value, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing (expected: " + expected + ", in " + SHAPE + ")");
        }
        return value;
    }

    private static IllegalArgumentException notOneObject() {
        return new IllegalArgumentException("body: not one JSON object (expected: " + SHAPE + ")");
    }
}
