package houston.capacity;

import houston.core.engine.Action.PreScale;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.model.Location;
import houston.core.model.Topology;
import houston.core.port.Scaler;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Scaling in memory, for the lab: a scale-up is READY after the location's configured lead time
 * (times {@code leadTimeScale}, so a demo need not wait four minutes). Idempotent: asking for a
 * target already reached, or already on its way, is the same change. Above max-instances fails.
 */
public final class LabScaler implements Scaler {

    private record Pending(int target, CompletableFuture<ScaleResult> done) {
    }

    private final Topology topology;
    private final Delays delays;
    private final double leadTimeScale;
    private final Map<String, Integer> instances = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();

    public LabScaler(Topology topology, Delays delays, double leadTimeScale) {
        this.topology = topology;
        this.delays = delays;
        this.leadTimeScale = leadTimeScale;
        for (Location l : topology.locations()) {
            instances.put(l.id(), l.capacity().instances());
        }
    }

    @Override
    public synchronized CompletionStage<ScaleResult> scale(PreScale request) {
        String id = request.location();
        Location location = topology.location(id);
        int target = request.instances();
        if (target > location.capacity().maxInstances()) {
            return CompletableFuture.completedFuture(new ScaleResult(id, target, ScaleStatus.FAILED,
                    "above max-instances " + location.capacity().maxInstances()));
        }
        int current = instances.get(id);
        if (target <= current) {
            return CompletableFuture.completedFuture(new ScaleResult(id, current, ScaleStatus.READY, "already running " + current));
        }
        Pending inFlight = pending.get(id);
        if (inFlight != null && inFlight.target() >= target) {
            return inFlight.done();
        }
        CompletableFuture<ScaleResult> done = new CompletableFuture<>();
        pending.put(id, new Pending(target, done));
        Duration lead = Duration.ofMillis(Math.round(location.capacity().scaleUpLeadTime().toMillis() * leadTimeScale));
        delays.after(lead, () -> ready(id, target, done));
        return done;
    }

    private void ready(String id, int target, CompletableFuture<ScaleResult> done) {
        synchronized (this) {
            instances.merge(id, target, Math::max);
            Pending p = pending.get(id);
            if (p != null && p.done() == done) {
                pending.remove(id);
            }
        }
        done.complete(new ScaleResult(id, target, ScaleStatus.READY, "ready"));
    }

    /** Scale-down happens at once (instances leaving need no lead time). */
    @Override
    public synchronized CompletionStage<ScaleResult> scaleDown(houston.core.engine.Action.ScaleDown request) {
        String location = request.location();
        int clamped = Math.max(topology.location(location).capacity().minInstances(), request.instances());
        instances.put(location, clamped);
        return CompletableFuture.completedFuture(new ScaleResult(location, clamped, ScaleStatus.READY, "scaled down"));
    }

    /** Instances running now, per location: what the lab's servers size their capacity by. */
    public synchronized int instances(String location) {
        return instances.get(location);
    }
}
