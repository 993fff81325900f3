package houston.app.lab;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A {@code POST /lab/controllers} body: a whole replica number and a fault, or a refusal that says why. */
class LabControllerBodyTest {

    private static String refusal(String body) {
        return assertThrows(IllegalArgumentException.class, () -> LabControllerBody.parse(body)).getMessage();
    }

    @Test
    void aWholeReplicaNumberAndAFaultAreRead() {
        assertEquals(new LabControllerBody(2, "kill"), LabControllerBody.parse("{\"replica\":2,\"fault\":\"kill\"}"));
    }

    @Test
    void aReplicaNumberThatIsNotAWholeNumberIsRefusedNotRoundedToAnotherReplica() {
        assertEquals("replica: 1.5 (expected: a replica's number, 1, 2, …, in " + LabControllerBody.SHAPE + ")",
                refusal("{\"replica\":1.5,\"fault\":\"kill\"}"));
        assertEquals("replica: 18446744073709551617 (expected: a replica's number, 1, 2, …, in "
                + LabControllerBody.SHAPE + ")", refusal("{\"replica\":18446744073709551617,\"fault\":\"kill\"}"));
        assertEquals("replica: \"1\" (expected: a replica's number, 1, 2, …, in " + LabControllerBody.SHAPE + ")",
                refusal("{\"replica\":\"1\",\"fault\":\"kill\"}"));
        assertEquals("replica: true (expected: a replica's number, 1, 2, …, in " + LabControllerBody.SHAPE + ")",
                refusal("{\"replica\":true,\"fault\":\"kill\"}"));
    }

    @Test
    void anEmptyOrPartialOrDoubledBodyIsRefusedByName() {
        assertEquals("body: empty (expected: one JSON object, e.g. {\"replica\":1,\"fault\":\"kill\"})", refusal(""));
        assertEquals("body: not one JSON object (expected: " + LabControllerBody.SHAPE + ")", refusal("null"));
        assertEquals("body: not one JSON object (expected: " + LabControllerBody.SHAPE + ")", refusal("[]"));
        assertEquals("fault: missing (expected: " + LabControllerBody.SHAPE + ")", refusal("{\"replica\":2}"));
        assertEquals("fault: null (expected: kill, partition or clear, in " + LabControllerBody.SHAPE + ")",
                refusal("{\"replica\":2,\"fault\":null}"));
        assertEquals("body: 'replica' given twice (expected: each field once, in " + LabControllerBody.SHAPE + ")",
                refusal("{\"replica\":2,\"fault\":\"clear\",\"replica\":3}"));
        assertEquals("'x': unknown field (expected: replica and fault, in " + LabControllerBody.SHAPE + ")",
                refusal("{\"replica\":2,\"fault\":\"clear\",\"x\":1}"));
    }
}
