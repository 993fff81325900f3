package houston.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventQueueTest {

    @Test
    void eventsPopInTimeOrderAndTiesInInsertionOrder() {
        EventQueue q = new EventQueue();
        q.push(30, 1);
        q.push(10, 2);
        q.push(30, 3);
        q.push(20, 4);
        q.push(10, 5);

        List<Integer> order = new ArrayList<>();
        while (!q.isEmpty()) {
            order.add(q.pop());
        }

        assertEquals(List.of(2, 5, 4, 1, 3), order);
    }

    @Test
    void itGrowsPastItsInitialCapacity() {
        EventQueue q = new EventQueue();
        for (int i = 1000; i > 0; i--) {
            q.push(i, i);
        }

        assertEquals(1, q.pop());
        assertEquals(2, q.peekTime());
    }
}
