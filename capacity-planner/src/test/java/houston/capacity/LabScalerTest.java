package houston.capacity;

import houston.core.engine.Action.PreScale;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.model.CapacityModel;
import houston.core.model.GeoPoint;
import houston.core.model.Location;
import houston.core.model.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabScalerTest {

    /** Delays run when the test advances virtual time past them. */
    private static final class FakeDelays implements Delays {
        private record Task(long at, Runnable run) {
        }

        long now;
        final List<Task> tasks = new ArrayList<>();

        @Override
        public void after(Duration delay, Runnable task) {
            tasks.add(new Task(now + delay.toMillis(), task));
        }

        void advance(Duration d) {
            now += d.toMillis();
            List<Task> due = tasks.stream().filter(t -> t.at() <= now).toList();
            tasks.removeAll(due);
            due.forEach(t -> t.run().run());
        }
    }

    private final FakeDelays delays = new FakeDelays();
    private final LabScaler scaler = new LabScaler(Topology.greatCircle(List.of(new Location("lab-1", "lab", new GeoPoint(0, 0),
            List.of("127.0.0.1"), 100, new CapacityModel(4, 100, 2, 10, 0.5, Duration.ofSeconds(240))))), delays, 1.0);

    private static PreScale to(int instances) {
        return new PreScale("lab-1", instances, "test", "inc-1");
    }

    @Test
    void scaleUpIsReadyAfterTheLeadTime() {
        CompletableFuture<ScaleResult> done = scaler.scale(to(8)).toCompletableFuture();

        delays.advance(Duration.ofSeconds(239));
        boolean earlyDone = done.isDone();
        delays.advance(Duration.ofSeconds(1));

        assertFalse(earlyDone);
        assertEquals(ScaleStatus.READY, done.join().status());
        assertEquals(8, scaler.instances("lab-1"));
    }

    @Test
    void sameTargetTwiceIsOneChange() {
        CompletableFuture<ScaleResult> first = scaler.scale(to(8)).toCompletableFuture();

        CompletableFuture<ScaleResult> second = scaler.scale(to(8)).toCompletableFuture();

        assertSame(first, second);
        assertEquals(1, delays.tasks.size());
    }

    @Test
    void targetAlreadyRunningIsReadyAtOnce() {
        assertEquals(ScaleStatus.READY, scaler.scale(to(3)).toCompletableFuture().join().status());
    }

    @Test
    void targetAboveMaxFailsSayingSo() {
        ScaleResult r = scaler.scale(to(11)).toCompletableFuture().join();

        assertEquals(ScaleStatus.FAILED, r.status());
        assertTrue(r.detail().contains("max-instances 10"), r.detail());
    }

    @Test
    void scaleDownNeverGoesBelowMinInstances() {
        assertEquals(2, scaler.scaleDown(new houston.core.engine.Action.ScaleDown("lab-1", 1, "test")).toCompletableFuture().join().instances());
    }
}
