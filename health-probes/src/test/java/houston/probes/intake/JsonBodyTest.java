package houston.probes.intake;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonBodyTest {

    @Test
    void aKeyGivenTwiceIsRefusedNotResolvedByTheLastOne() {
        Buffer body = Buffer.buffer("{\"command\":\"unfreeze\",\"by\":\"bob\",\"command\":\"evacuate us-west-2\"}");

        BadRequest e = assertThrows(BadRequest.class, () -> JsonBody.object(body));

        assertEquals(400, e.status());
        assertEquals("body is not valid JSON: Duplicate field 'command' (line 1, column 43)", e.getMessage());
    }

    @Test
    void aKeyGivenTwiceInANestedObjectIsRefusedToo() {
        Buffer body = Buffer.buffer("{\"a\":{\"x\":1,\"x\":2}}");

        BadRequest e = assertThrows(BadRequest.class, () -> JsonBody.object(body));

        assertEquals("body is not valid JSON: Duplicate field 'x' (line 1, column 16)", e.getMessage());
    }

    @Test
    void theSameKeyInSiblingObjectsIsFine() throws BadRequest {
        JsonObject o = JsonBody.object(Buffer.buffer("{\"a\":{\"x\":1},\"b\":{\"x\":2}}"));

        assertEquals(2, o.getJsonObject("b").getInteger("x"));
    }
}
