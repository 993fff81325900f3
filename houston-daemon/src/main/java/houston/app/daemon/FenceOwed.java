package houston.app.daemon;

import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.model.TrafficPlan;
import houston.core.port.DnsSwitch;
import houston.dns.WeightedRecordSwitch;
import houston.ha.StaleEpochException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A leader's DNS fence, claimed at its takeover ({@link #claimAtTakeover}), and its publishes when
 * that claim could not be made because the DNS API was down: claiming is itself a change to the
 * zone. Nothing can be published without the API either, so the new leader leads (through the
 * data-plane fallback) and claims the fence before its first publish; until a claim succeeds every publish fails with the claim's reason, and a claim that
 * finds a newer epoch live means another leader took over since: ownership is lost.
 */
final class FenceOwed implements DnsSwitch {

    private final WeightedRecordSwitch real;
    private volatile long owed;

    FenceOwed(WeightedRecordSwitch real) {
        this.real = real;
    }

    /**
     * Claims the fence at a takeover's {@code epoch}. A newer epoch already live means another
     * replica took over since: the takeover is stale. Any other refusal (the DNS API down or
     * throttling, reads included) leaves the claim owed until the first publish, and the new leader
     * leads through the data plane meanwhile: with the control plane down, failing the takeover
     * would leave nobody acting at all, and the fence is still claimed before anything is published.
     *
     * @return the claim: not {@code claimed()} when it is owed
     */
    WeightedRecordSwitch.Claim claimAtTakeover(long epoch) throws Exception {
        WeightedRecordSwitch.Claim claim = real.claim(epoch).toCompletableFuture().get(1, TimeUnit.MINUTES);
        if (!claim.claimed() && claim.liveEpoch() > epoch) {
            throw new StaleEpochException(epoch, claim.liveEpoch());
        }
        owed = claim.claimed() ? 0 : epoch;
        return claim;
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
