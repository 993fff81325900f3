package houston.dns;

import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.model.TrafficPlan;
import houston.core.port.DnsSwitch;
import houston.dns.records.Change;
import houston.dns.records.PoolLayout;
import houston.dns.records.RecordSet;
import houston.dns.zone.ZoneException;
import houston.dns.zone.ZoneStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Publishes traffic plans as weighted records in a {@link ZoneStore}: the one algorithm behind
 * the Route 53, in-memory and file switches.
 *
 * <p>{@code publish(plan)}: read the live records (the truth, not memory); refuse a generation
 * older than the live one; send nothing when that generation is already live; otherwise send
 * every changed pool record in ONE atomic batch together with the ownership fence — DELETE the
 * ownership TXT record with the exact value this writer last saw, CREATE it with the new
 * generation — so a writer whose view is stale (an old leader, a second daemon) has its whole
 * batch rejected by the zone itself, reported as LOST_OWNERSHIP and not retried. Throttling and
 * server errors are retried with exponential backoff and jitter, bounded; other refusals are
 * reported with the zone's message. Then poll until the change is in sync; a change the zone
 * accepted is applied even when its polls are throttled, so it is then reported ACCEPTED, kept,
 * and a publish of the same generation polls it again instead of sending it twice. Once this writer
 * knows the zone, the read before a change gets one attempt and, refused, the known records stand
 * in ({@link ZoneMemory}). All calls run, one at a time, on the switch's own thread: callers never block.
 */
public class WeightedRecordSwitch implements DnsSwitch, AutoCloseable {

    private final ZoneStore zone;
    private final PoolLayout layout;
    private final SwitchSettings settings;
    private final ZoneRetry retry;
    private final ExecutorService thread;
    private final ZoneMemory memory = new ZoneMemory();
    private final ChangeBatches batches;
    private final PlanPublisher publisher;

    /** What became of a {@link #claim(long)}: whether this writer now holds the fence, and why not. */
    /** @param liveEpoch the epoch the fence held before the claim (above the claimed one when refused as stale) */
    public record Claim(boolean claimed, long generation, long liveEpoch, String detail) {
    }

    public WeightedRecordSwitch(ZoneStore zone, PoolLayout layout, SwitchSettings settings) {
        this.zone = zone;
        this.layout = layout;
        this.settings = settings;
        this.batches = new ChangeBatches(layout, settings.writerId());
        this.retry = new ZoneRetry(settings);
        this.publisher = new PlanPublisher(zone, layout, settings, retry, memory, batches);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "houston-dns");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletionStage<PlanPublished> publish(TrafficPlan plan) {
        return CompletableFuture.supplyAsync(() -> publisher.publish(plan), thread);
    }

    @Override
    public CompletionStage<TrafficPlan> readLive() {
        return CompletableFuture.supplyAsync(() -> {
            List<RecordSet> live = memory.read(call(zone::list));
            publisher.sawOwner(batches.owner(live));
            return layout.plan(live);
        }, thread);
    }

    /** The batch {@code publish(plan)} would send now, without sending it (empty: nothing to do). */
    public CompletionStage<List<Change>> preview(TrafficPlan plan) {
        return CompletableFuture.supplyAsync(() -> publisher.preview(plan), thread);
    }

    /**
     * A newly elected leader's first act: in ONE atomic batch, DELETE the ownership record exactly
     * as it is live now and CREATE it naming this writer and {@code newEpoch} (generation kept).
     * From then on every batch of the previous owner, whose DELETE names the old value, is
     * rejected by the zone itself. Refused without sending when the live record already names a
     * newer epoch: this writer is the stale one. Not retried when the zone changed in between.
     */
    public CompletionStage<Claim> claim(long newEpoch) {
        return CompletableFuture.supplyAsync(() -> {
            List<RecordSet> live;
            try {
                live = memory.read(call(zone::list));
            } catch (ZoneException e) {
                // Unread, the live epoch is unknown (0): a stale claim is caught when it is made again.
                return new Claim(false, 0, 0, e.kind().name().toLowerCase() + ": " + e.getMessage());
            }
            RecordSet liveOwner = batches.owner(live);
            long liveEpoch = PoolLayout.epochOf(liveOwner);
            long generation = PoolLayout.generationOf(liveOwner);
            if (liveEpoch > newEpoch) {
                return new Claim(false, generation, liveEpoch, "epoch " + newEpoch + " is older than the live epoch " + liveEpoch);
            }
            RecordSet fence = layout.ownership(settings.writerId(), newEpoch, generation);
            List<Change> batch = new ArrayList<>();
            if (liveOwner != null) {
                batch.add(new Change(Change.Action.DELETE, liveOwner));
            }
            batch.add(new Change(Change.Action.CREATE, fence));
            try {
                call(() -> zone.submit(batch, "houston fence epoch " + newEpoch));
            } catch (ZoneException e) {
                return new Claim(false, generation, liveEpoch, e.kind().name().toLowerCase() + ": " + e.getMessage());
            }
            memory.wrote(batch);
            publisher.claimed(newEpoch, fence);
            return new Claim(true, generation, liveEpoch, "fence claimed at epoch " + newEpoch + ", generation " + generation);
        }, thread);
    }

    /** A control-plane watch on this switch's zone, with a thread of its own (close it when done). */
    public ZoneWatch watch() {
        return new ZoneWatch(zone);
    }

    /** The live plan, read without taking ownership (a follower watching what the leader published). */
    public CompletionStage<TrafficPlan> peekLive() {
        return CompletableFuture.supplyAsync(() -> layout.plan(memory.read(call(zone::list))), thread);
    }

    /** Creates the pool records and the ownership record that do not exist yet (home weight 255). */
    public CompletionStage<List<Change>> init(TrafficPlan home) {
        return init(home, Map.of());
    }

    /**
     * Creates the pool records and the ownership record that do not exist yet (home weight 255),
     * and ties every pool record of a location in {@code healthChecks} to that location's health
     * check (existing records keep their weights). Idempotent: a second run sends nothing. Each
     * batch carries the ownership fence unchanged, so a publish landing between the read and the
     * write makes the batch fail instead of writing stale weights back.
     *
     * @param healthChecks health check id per location id (empty: records are tied to none)
     */
    public CompletionStage<List<Change>> init(TrafficPlan home, Map<String, String> healthChecks) {
        return CompletableFuture.supplyAsync(() -> {
            List<RecordSet> live = call(zone::list);
            List<Change> changes = batches.creates(home, healthChecks, live);
            RecordSet fence = batches.owner(live);
            List<Change> part = new ArrayList<>();
            for (Change c : changes) {
                part.add(c);
                if (Change.records(part) > Change.MAX_RECORDS_PER_BATCH - 4) {
                    submitFenced(part, fence);
                    part = new ArrayList<>();
                }
            }
            if (!part.isEmpty()) {
                submitFenced(part, fence);
            }
            memory.forget(); // health checks tied: the next publish reads them rather than writing them off
            return changes;
        }, thread);
    }

    private void submitFenced(List<Change> part, RecordSet fence) {
        List<Change> batch = new ArrayList<>(part);
        if (fence != null) {
            batch.add(new Change(Change.Action.DELETE, fence));
            batch.add(new Change(Change.Action.CREATE, fence));
        }
        call(() -> zone.submit(batch, "houston dns init"));
    }

    /** What {@link #init} would create now, without creating it (empty: every record exists). */
    public CompletionStage<List<Change>> missing(TrafficPlan home) {
        return CompletableFuture.supplyAsync(() -> batches.creates(home, Map.of(), call(zone::list)), thread);
    }

    private <T> T call(Supplier<T> zoneCall) {
        return retry.call(zoneCall);
    }

    /** Lets the publish in flight finish (up to the INSYNC timeout), then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(settings.insyncTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
