package houston.app.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import houston.core.engine.OperatorCommand;
import houston.core.engine.PinTarget;
import houston.ha.ZooKeeperSharedState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A queued command is applied once, and leaves the queue only with the snapshot holding its effect. */
class SharedCommandQueueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OperatorCommand PIN = new OperatorCommand.Pin("lab-a", PinTarget.EVACUATED, Duration.ofHours(2), "alice");
    private static final OperatorCommand FREEZE = new OperatorCommand.Freeze(Duration.ofMinutes(30), "drill", "bob");

    private static ZooKeeperSharedState.Queued queued(String id, OperatorCommand c) {
        @SuppressWarnings("unchecked")
        Map<String, Object> command = JSON.convertValue(JournalCodec.command(c), Map.class);
        return new ZooKeeperSharedState.Queued(id, command);
    }

    private final SharedCommandQueue queue = new SharedCommandQueue();
    private final List<OperatorCommand> loop = new ArrayList<>();

    @Test
    void aQueuedCommandIsHandedToTheLoopOnceEvenWhileItStaysQueued() {
        List<ZooKeeperSharedState.Queued> zk = List.of(queued("command-01", PIN), queued("command-02", FREEZE));

        queue.handOut(zk, loop::add);
        queue.handOut(zk, loop::add);

        assertEquals(List.of(PIN, FREEZE), loop);
        assertFalse(queue.unwritten(), "nothing applied by a tick yet");
    }

    @Test
    void onlyTheCommandsATickAppliedAreConsumedByTheNextWrite() {
        queue.handOut(List.of(queued("command-01", PIN), queued("command-02", FREEZE)), loop::add);

        queue.applied(List.of(loop.get(0)));

        assertTrue(queue.unwritten());
        assertEquals(List.of("command-01"), queue.toConsume());
    }

    @Test
    void aCommandWhoseWriteFailedIsConsumedByTheNextWriteAndNotHandedOutAgain() {
        ZooKeeperSharedState.Queued pin = queued("command-01", PIN);
        queue.handOut(List.of(pin), loop::add);
        queue.applied(List.of(loop.get(0)));

        queue.handOut(List.of(pin), loop::add);
        List<String> retried = queue.toConsume();
        queue.written();

        assertEquals(1, loop.size(), "applied once");
        assertEquals(List.of("command-01"), retried);
        assertFalse(queue.unwritten());
    }

    @Test
    void afterALeadershipChangeWhatIsStillQueuedIsHandedOutAgain() {
        ZooKeeperSharedState.Queued pin = queued("command-01", PIN);
        queue.handOut(List.of(pin), loop::add);

        queue.forget();
        queue.handOut(List.of(pin), loop::add);

        assertEquals(List.of(PIN, PIN), loop);
    }

    @Test
    void aCommandThisReplicaAppliedWithoutTheQueueConsumesNothing() {
        queue.applied(List.of(PIN));

        assertFalse(queue.unwritten());
    }
}
