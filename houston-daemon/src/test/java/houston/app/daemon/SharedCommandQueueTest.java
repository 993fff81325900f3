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
        Map<String, Object> command = JSON.convertValue(CommandJson.encode(c), Map.class);
        return new ZooKeeperSharedState.Queued(id, command);
    }

    private static final long NOW = 1_800_000_000_000L;

    private final SharedCommandQueue queue = new SharedCommandQueue();
    private final List<OperatorCommand> loop = new ArrayList<>();

    @Test
    void aQueuedCommandIsHandedToTheLoopOnceEvenWhileItStaysQueued() {
        List<ZooKeeperSharedState.Queued> zk = List.of(queued("command-01", PIN), queued("command-02", FREEZE));

        queue.handOut(zk, loop::add, NOW);
        queue.handOut(zk, loop::add, NOW);

        assertEquals(List.of(PIN, FREEZE), loop);
        assertFalse(queue.unwritten(), "nothing applied by a tick yet");
    }

    @Test
    void onlyTheCommandsATickAppliedAreConsumedByTheNextWrite() {
        queue.handOut(List.of(queued("command-01", PIN), queued("command-02", FREEZE)), loop::add, NOW);

        queue.applied(List.of(loop.get(0)));

        assertTrue(queue.unwritten());
        assertEquals(List.of("command-01"), queue.toConsume());
    }

    @Test
    void aCommandWhoseWriteFailedIsConsumedByTheNextWriteAndNotHandedOutAgain() {
        ZooKeeperSharedState.Queued pin = queued("command-01", PIN);
        queue.handOut(List.of(pin), loop::add, NOW);
        queue.applied(List.of(loop.get(0)));

        queue.handOut(List.of(pin), loop::add, NOW);
        List<String> retried = queue.toConsume();
        queue.written();

        assertEquals(1, loop.size(), "applied once");
        assertEquals(List.of("command-01"), retried);
        assertFalse(queue.unwritten());
    }

    @Test
    void afterALeadershipChangeWhatIsStillQueuedIsHandedOutAgain() {
        ZooKeeperSharedState.Queued pin = queued("command-01", PIN);
        queue.handOut(List.of(pin), loop::add, NOW);

        queue.forget();
        queue.handOut(List.of(pin), loop::add, NOW);

        assertEquals(List.of(PIN, PIN), loop);
    }

    @Test
    void aCommandThisReplicaAppliedWithoutTheQueueConsumesNothing() {
        queue.applied(List.of(PIN));

        assertFalse(queue.unwritten());
    }

    @Test
    void aCommandQueuedWhileNobodyLedLastsWhatWasLeftOfItWhenItIsHandedOut() {
        long accepted = NOW - 40_000;
        ZooKeeperSharedState.Queued freeze = new ZooKeeperSharedState.Queued("command-01",
                SharedCommandQueue.stamped(FREEZE, accepted, Duration.ofHours(1)));
        ZooKeeperSharedState.Queued byDefault = new ZooKeeperSharedState.Queued("command-02", SharedCommandQueue.stamped(
                new OperatorCommand.Pin("lab-b", PinTarget.HEALTHY, null, "carol"), accepted, Duration.ofHours(1)));
        ZooKeeperSharedState.Queued unpin = new ZooKeeperSharedState.Queued("command-03",
                SharedCommandQueue.stamped(new OperatorCommand.Unpin("lab-a", "dave"), accepted, Duration.ofHours(1)));

        queue.handOut(List.of(freeze, byDefault, unpin), loop::add, NOW);

        assertEquals(List.of(new OperatorCommand.Freeze(Duration.ofMinutes(30).minusSeconds(40), "drill", "bob"),
                new OperatorCommand.Pin("lab-b", PinTarget.HEALTHY, Duration.ofHours(1).minusSeconds(40), "carol"),
                new OperatorCommand.Unpin("lab-a", "dave")), loop);
    }

    @Test
    void aCommandWhoseTimeRanOutWhileQueuedStillAppliesForASecond() {
        ZooKeeperSharedState.Queued stale = new ZooKeeperSharedState.Queued("command-01",
                SharedCommandQueue.stamped(FREEZE, NOW - Duration.ofHours(2).toMillis(), Duration.ofHours(1)));

        queue.handOut(List.of(stale), loop::add, NOW);

        assertEquals(List.of(new OperatorCommand.Freeze(Duration.ofSeconds(1), "drill", "bob")), loop);
    }
}
