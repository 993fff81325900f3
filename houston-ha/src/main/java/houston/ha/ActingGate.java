package houston.ha;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome.FallbackEngaged;
import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.model.TrafficPlan;
import houston.core.port.DnsDataPlane;
import houston.core.port.DnsSwitch;
import houston.core.port.Notifier;
import houston.core.port.Scaler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The adapters as a replica sees them: the real ones while it acts, and while it follows, ones
 * that execute nothing. The question is asked at each action, so a leader that just lost its
 * session stops with the very next action. A follower's publish is answered from what DNS holds:
 * INSYNC when the leader already published the same rows (the warm engine stays in step with
 * the leader), FAILED otherwise; its data-plane changes likewise from what the leader's data plane
 * holds; its pre-scales stay REQUESTED; its notifications are dropped.
 */
public final class ActingGate {

    /** How every outcome a follower answers for an action it did not execute begins. */
    public static final String FOLLOWER = "follower: ";

    private final BooleanSupplier acting;
    private final AtomicLong suppressed = new AtomicLong();

    public ActingGate(BooleanSupplier acting) {
        this.acting = acting;
    }

    /** Actions a follower decided and did not execute. */
    public long suppressed() {
        return suppressed.get();
    }

    /** @param peek reads the live plan without taking DNS ownership */
    public DnsSwitch dns(DnsSwitch real, Supplier<CompletionStage<TrafficPlan>> peek) {
        return new DnsSwitch() {
            @Override
            public CompletionStage<PlanPublished> publish(TrafficPlan plan) {
                if (acting.getAsBoolean()) {
                    return real.publish(plan);
                }
                suppressed.incrementAndGet();
                return peek.get().thenApply(live -> live.sameRowsAs(plan) && live.generation() > 0
                        ? new PlanPublished(plan.generation(), PublishStatus.INSYNC,
                        FOLLOWER + "the leader published these rows (generation " + live.generation() + ")", Duration.ZERO)
                        : new PlanPublished(plan.generation(), PublishStatus.FAILED,
                        FOLLOWER + "only the leader publishes", Duration.ZERO));
            }

            @Override
            public CompletionStage<TrafficPlan> readLive() {
                return real.readLive();
            }
        };
    }

    /** @param leaders the locations the leader's data plane holds out, as the shared state says */
    public DnsDataPlane dataPlane(DnsDataPlane real, Supplier<List<String>> leaders) {
        return locations -> {
            if (acting.getAsBoolean()) {
                return real.evacuate(locations);
            }
            suppressed.incrementAndGet();
            boolean same = leaders.get().equals(locations);
            return CompletableFuture.completedFuture(new FallbackEngaged(locations, same, same
                    ? FOLLOWER + "the leader's data plane holds " + locations : FOLLOWER + "only the leader sets the data plane"));
        };
    }

    /** True for a follower's answer to a data-plane change it did not make: its normal course, not a failure to log. */
    public static boolean fromFollower(FallbackEngaged outcome) {
        return outcome.detail() != null && outcome.detail().startsWith(FOLLOWER);
    }

    public Scaler scaler(Scaler real) {
        return new Scaler() {
            @Override
            public CompletionStage<ScaleResult> scale(Action.PreScale request) {
                return gated(() -> real.scale(request), request.location(), request.instances());
            }

            @Override
            public CompletionStage<ScaleResult> scaleDown(Action.ScaleDown request) {
                return gated(() -> real.scaleDown(request), request.location(), request.instances());
            }
        };
    }

    private CompletionStage<ScaleResult> gated(Supplier<CompletionStage<ScaleResult>> call, String location, int instances) {
        if (acting.getAsBoolean()) {
            return call.get();
        }
        suppressed.incrementAndGet();
        return CompletableFuture.completedFuture(new ScaleResult(location, instances, ScaleStatus.REQUESTED,
                FOLLOWER + "only the leader scales"));
    }

    public Notifier notifier(Notifier real) {
        return new Notifier() {
            @Override
            public void notify(Action.Notify notification) {
                if (acting.getAsBoolean()) {
                    real.notify(notification);
                } else {
                    suppressed.incrementAndGet();
                }
            }

            @Override
            public void alert(Action.Alert alert) {
                if (acting.getAsBoolean()) {
                    real.alert(alert);
                } else {
                    suppressed.incrementAndGet();
                }
            }
        };
    }
}
