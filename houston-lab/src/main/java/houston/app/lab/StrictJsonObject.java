package houston.app.lab;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * A lab write's body read strictly: one JSON object, each field once, only the fields the route takes,
 * nothing after it. Read leniently (Vert.x's JsonObject), a field given twice kept the last, a misspelt
 * field was ignored, a number sent with a fraction was truncated: the lab then did what its sender had
 * not asked for, on another replica once (1.5 killed replica 1).
 */
final class StrictJsonObject {

    private static final JsonFactory JSON = new JsonFactory();

    /** One field as written: its JSON token and its text (a string's without quotes; an object or array by kind). */
    record Field(JsonToken type, String text) {

        /** As the sender wrote it, for an error to quote: a string in quotes. */
        String literal() {
            return type == JsonToken.VALUE_STRING ? "\"" + text + "\"" : text;
        }
    }

    private StrictJsonObject() {
    }

    /**
     * The fields of {@code text} by name, in order; an IllegalArgumentException names what is wrong,
     * with {@code shape} as what to send ({@code example}, a body that works, when nothing was sent).
     */
    static Map<String, Field> read(String text, List<String> allowed, String shape, String example) {
        if (text == null || text.isBlank()) {
            // What Vert.x hands over for a POST without a body (Content-Length 0 or none at all).
            throw new IllegalArgumentException("body: empty (expected: one JSON object, e.g. " + example + ")");
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notOneObject(shape);
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                if (fields.containsKey(name)) {
                    throw new IllegalArgumentException("body: " + LabFault.quoted(name)
                            + " given twice (expected: each field once, in " + shape + ")");
                }
                if (!allowed.contains(name)) {
                    throw new IllegalArgumentException(LabFault.quoted(name) + ": unknown field (expected: "
                            + named(allowed) + ", in " + shape + ")");
                }
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    fields.put(name, new Field(value, value == JsonToken.START_OBJECT ? "an object" : "an array"));
                } else {
                    fields.put(name, new Field(value, p.getText()));
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw notOneObject(shape);
            }
        } catch (IOException e) {
            // The parser's own text names its internals, not what to send.
            throw notOneObject(shape);
        }
        return fields;
    }

    /** "target, fault and amount". */
    private static String named(List<String> fields) {
        return fields.size() == 1 ? fields.get(0)
                : String.join(", ", fields.subList(0, fields.size() - 1)) + " and " + fields.get(fields.size() - 1);
    }

    private static IllegalArgumentException notOneObject(String shape) {
        return new IllegalArgumentException("body: not one JSON object (expected: " + shape + ")");
    }
}
