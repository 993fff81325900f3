package houston.app.daemon;

import houston.core.model.TrafficPlan;
import houston.dns.WeightedRecordSwitch;
import houston.ha.HaSnapshot;
import houston.ha.WarmTakeover;
import houston.ha.ZooKeeperSharedState;
import houston.slack.notify.SlackOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A replica elected leader taking over ({@link Replication#takeOver}): it claims the DNS fence at the
 * new epoch ({@link FenceOwed}), then continues from the plan DNS holds and the shared state: the
 * overrides, the alert streaks, the scale-ups still owed and the Slack incident threads.
 */
final class LeaderTakeover {

    /** Logged as the replication it is part of: the lines operators know and log configurations name. */
    private static final Logger log = LoggerFactory.getLogger(Replication.class);

    private final String replica;
    private final Clock clock;
    private final ZooKeeperSharedState shared;
    private final SharedStateWriter writer;
    private final ReplicationMetrics metrics;
    private final WeightedRecordSwitch dns;
    private final FenceOwed fence;
    private final SlackOutbox outbox;
    private final ControlLoop loop;
    private final Consumer<HaSnapshot> mirrorLeader;

    /**
     * @param outbox       the Slack outbox whose incident threads are shared (null: console)
     * @param mirrorLeader makes this replica's data plane answer as {@code seen} says the leader's does
     */
    LeaderTakeover(String replica, Clock clock, ZooKeeperSharedState shared, SharedStateWriter writer,
                   ReplicationMetrics metrics, WeightedRecordSwitch dns, FenceOwed fence, SlackOutbox outbox,
                   ControlLoop loop, Consumer<HaSnapshot> mirrorLeader) {
        this.replica = replica;
        this.clock = clock;
        this.shared = shared;
        this.writer = writer;
        this.metrics = metrics;
        this.dns = dns;
        this.fence = fence;
        this.outbox = outbox;
        this.loop = loop;
        this.mirrorLeader = mirrorLeader;
    }

    void takeOver(long epoch) throws Exception {
        long started = System.nanoTime();
        HaSnapshot before = shared.read();
        WeightedRecordSwitch.Claim claim = fence.claimAtTakeover(epoch);
        if (!claim.claimed()) {
            // The DNS API refused the claim (down, throttling): lead through the data plane meanwhile.
            log.warn("replica {} leads at epoch {} without the DNS fence ({}); the fence is claimed before the "
                    + "first publish", replica, epoch, claim.detail());
        }
        TrafficPlan live = liveOrLastConfirmed(before);
        mirrorLeader.accept(before);
        Instant now = clock.instant();
        writer.forget();
        // The newer of this replica's own overrides (its journal, its own time as leader) and the shared ones.
        long commandsAt = loop.commandsAt();
        loop.resume(warm -> WarmTakeover.resume(loop.engine(), warm, live, before, commandsAt, now));
        loop.takeOverAlertStreaks(before.failingSince());
        loop.askAgainForScaleUps();
        if (outbox != null) {
            outbox.restoreThreads(before.threads());
        }
        writer.writeTakeover(loop.state(), now, epoch, before.threads());
        metrics.tookOver(System.nanoTime() - started);
        log.info("replica {} took over at epoch {}: DNS generation {}, {} pin(s), {} incident thread(s)",
                replica, epoch, live == null ? before.liveGeneration() : live.generation(),
                before.overrides().pins().size(), before.threads().size());
    }

    /**
     * The plan DNS holds, read; when DNS cannot be read (its API is down, reads included), what the
     * previous leader's shared state says DNS confirmed ({@code null}: not the whole plan), so a dead
     * control plane does not also leave nobody acting. Before anyone led, nothing is known: the takeover
     * fails and is tried again.
     */
    private TrafficPlan liveOrLastConfirmed(HaSnapshot before) throws Exception {
        try {
            return dns.peekLive().toCompletableFuture().get(1, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (before.epoch() == 0) {
                throw e;
            }
            log.warn("replica {} cannot read DNS at its takeover ({}): continuing from the shared state, DNS at "
                    + "generation {}", replica, e.getCause(), before.liveGeneration());
            return WarmTakeover.lastConfirmed(before, loop.engine().topology().ids());
        }
    }
}
