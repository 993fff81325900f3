package houston.probes.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A request body that must be one JSON object, or a {@link BadRequest} that says what is wrong and
 * where: the parser's own reason and position, and for {@code NaN}/{@code Infinity} (which JSON has
 * no literal for, though JavaScript prints them) the plain rule. A key given twice in one object is
 * refused: parsers disagree on which one wins (the last here, the first in many tools), so a signed
 * body could read as "unfreeze" to an audit log and as "evacuate" to Houston.
 */
public final class JsonBody {

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonBody() {
    }

    public static JsonObject object(Buffer body) throws BadRequest {
        Object value;
        try {
            refuseDuplicateKeys(body);
            value = body.length() == 0 ? null : io.vertx.core.json.Json.decodeValue(body);
        } catch (DecodeException e) {
            throw new BadRequest(400, "body is not valid JSON: " + reason(e));
        }
        if (value instanceof JsonObject o) {
            return o;
        }
        String got = value == null ? "nothing" : value instanceof JsonArray ? "an array"
                : value instanceof String ? "a string" : value instanceof Number ? "a number" : "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        throw new BadRequest(400, "body is not a JSON object (got " + got + ")");
    }

    /** One streaming pass with duplicate detection on; the decode that follows builds the object. */
    private static void refuseDuplicateKeys(Buffer body) {
        try (JsonParser parser = STRICT.createParser(body.getBytes())) {
            while (parser.nextToken() != null) {
                // every token read: names are checked against their object's as they come
            }
        } catch (JsonProcessingException e) {
            throw new DecodeException(e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new DecodeException(e.getMessage(), e);
        }
    }

    private static String reason(DecodeException e) {
        Throwable cause = e.getCause();
        String where = "";
        String message = e.getMessage();
        if (cause instanceof JsonProcessingException j) {
            message = j.getOriginalMessage();
            if (j.getLocation() != null) {
                where = " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
            }
        }
        if (message.contains("'NaN'") || message.contains("Infinity'") || message.contains("ALLOW_NON_NUMERIC_NUMBERS")) {
            return "NaN and Infinity are not JSON numbers" + where;
        }
        // Jackson's first sentence, without its advice on parser features a sender cannot turn on.
        int cut = message.indexOf(": enable ");
        String first = (cut > 0 ? message.substring(0, cut) : message).lines().findFirst().orElse(message);
        return first + where;
    }
}
