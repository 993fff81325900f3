package houston.app.daemon;

import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.model.TrafficPlan;
import houston.core.port.DnsSwitch;
import houston.dns.WeightedRecordSwitch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A leader's publishes when its takeover could not claim the DNS fence because the DNS API was
 * down: claiming is itself a change to the zone. Nothing can be published without the API either,
 * so the new leader leads (through the data-plane fallback) and claims the fence before its first
 * publish; until a claim succeeds every publish fails with the claim's reason, and a claim that
 * finds a newer epoch live means another leader took over since: ownership is lost.
 */
final class FenceOwed implements DnsSwitch {

    private final WeightedRecordSwitch real;
    private volatile long owed;

    FenceOwed(WeightedRecordSwitch real) {
        this.real = real;
    }

    /** The epoch whose fence must be claimed before the next publish. */
    void owe(long epoch) {
        owed = epoch;
    }

    /** Nothing owed: a takeover claimed the fence itself. */
    void settled() {
        owed = 0;
    }

    long owed() {
        return owed;
    }

    @Override
    public CompletionStage<PlanPublished> publish(TrafficPlan plan) {
        long epoch = owed;
        if (epoch == 0) {
            return real.publish(plan);
        }
        long started = System.nanoTime();
        return real.claim(epoch).thenCompose(claim -> {
            if (claim.claimed()) {
                owed = 0;
                return real.publish(plan);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            PublishStatus status = claim.liveEpoch() > epoch ? PublishStatus.LOST_OWNERSHIP : PublishStatus.FAILED;
            return CompletableFuture.completedFuture(new PlanPublished(plan.generation(), status,
                    "DNS fence of epoch " + epoch + " not yet claimed: " + claim.detail(), took));
        });
    }

    @Override
    public CompletionStage<TrafficPlan> readLive() {
        return real.readLive();
    }
}
