package houston.dns;

import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.model.TrafficPlan;
import houston.core.port.DnsSwitch;
import houston.dns.records.Change;
import houston.dns.records.PoolLayout;
import houston.dns.records.RecordSet;
import houston.dns.zone.ZoneException;
import houston.dns.zone.ZoneStore;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
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

    private static final Logger log = LoggerFactory.getLogger(WeightedRecordSwitch.class);

    private final ZoneStore zone;
    private final PoolLayout layout;
    private final SwitchSettings settings;
    private final Retry retry;
    private final ExecutorService thread;
    /** The ownership record as this writer last saw or wrote it; null with ownerKnown = none existed. */
    private RecordSet expectedOwner;
    /** False until this writer has looked at the zone (readLive, or its first publish takes over). */
    private boolean ownerKnown;
    /** The leader epoch this writer claimed (0: none, a single daemon); written into the ownership record. */
    private long epoch;
    private final ZoneMemory memory = new ZoneMemory();
    private final ChangeBatches batches;

    /** What became of a {@link #claim(long)}: whether this writer now holds the fence, and why not. */
    /** @param liveEpoch the epoch the fence held before the claim (above the claimed one when refused as stale) */
    public record Claim(boolean claimed, long generation, long liveEpoch, String detail) {
    }

    public WeightedRecordSwitch(ZoneStore zone, PoolLayout layout, SwitchSettings settings) {
        this.zone = zone;
        this.layout = layout;
        this.settings = settings;
        this.batches = new ChangeBatches(layout, settings.writerId());
        this.retry = Retry.of("dns", RetryConfig.<Object>custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.5,
                        settings.maxBackoff()))
                .retryOnException(e -> e instanceof ZoneException z && z.retryable())
                .build());
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "houston-dns");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletionStage<PlanPublished> publish(TrafficPlan plan) {
        return CompletableFuture.supplyAsync(() -> publishNow(plan), thread);
    }

    @Override
    public CompletionStage<TrafficPlan> readLive() {
        return CompletableFuture.supplyAsync(() -> {
            List<RecordSet> live = memory.read(call(zone::list));
            expectedOwner = batches.owner(live);
            ownerKnown = true;
            return layout.plan(live);
        }, thread);
    }

    /** The batch {@code publish(plan)} would send now, without sending it (empty: nothing to do). */
    public CompletionStage<List<Change>> preview(TrafficPlan plan) {
        return CompletableFuture.supplyAsync(() -> {
            List<RecordSet> live = memory.read(call(zone::list));
            RecordSet fence = ownerKnown ? expectedOwner : batches.owner(live);
            return batches.batch(plan, live, fence, epoch);
        }, thread);
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
            epoch = newEpoch;
            expectedOwner = fence;
            ownerKnown = true;
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

    private PlanPublished publishNow(TrafficPlan plan) {
        long started = System.nanoTime();
        try {
            ZoneMemory.Accepted sent = memory.acceptedFor(plan.generation());
            if (sent != null) {
                return awaitInsync(plan, sent, started); // accepted already: poll it, never send it twice
            }
            List<RecordSet> live = current();
            RecordSet liveOwner = batches.owner(live);
            long liveGeneration = PoolLayout.generationOf(liveOwner);
            if (plan.generation() < liveGeneration) {
                return outcome(plan, PublishStatus.FAILED, "refused: generation " + plan.generation()
                        + " is older than the live generation " + liveGeneration, started);
            }
            if (!ownerKnown) {
                // First contact without a readLive: take over from whatever is live now.
                expectedOwner = liveOwner;
                ownerKnown = true;
            }
            List<Change> batch = batches.batch(plan, live, expectedOwner, epoch);
            if (plan.generation() == liveGeneration && batch.stream().noneMatch(c -> "A".equals(c.set().type()))) {
                return outcome(plan, PublishStatus.INSYNC, "generation " + plan.generation() + " is already live: nothing sent", started);
            }
            List<List<Change>> parts = batches.split(batch, epoch, plan.generation());
            String changeId = null;
            for (List<Change> part : parts) {
                try {
                    changeId = call(() -> zone.submit(part, "houston plan generation " + plan.generation()));
                } catch (ZoneException e) {
                    if (e.kind() == ZoneException.Kind.INVALID_CHANGE_BATCH
                            && !ChangeBatches.sameOwner(batches.owner(memory.read(call(zone::list))), expectedOwner)) {
                        return outcome(plan, PublishStatus.LOST_OWNERSHIP, "another writer changed "
                                + layout.ownershipName() + " since this one last wrote it: " + e.getMessage(), started);
                    }
                    throw e;
                }
                expectedOwner = part.get(part.size() - 1).set();
                memory.wrote(part);
            }
            String split = parts.size() == 1 ? "" : "; split into " + parts.size()
                    + " batches by Route 53's " + Change.MAX_RECORDS_PER_BATCH + "-record limit (atomic per batch, not across)";
            ZoneMemory.Accepted accepted = new ZoneMemory.Accepted(plan.generation(), changeId, System.nanoTime(),
                    batch.size(), split);
            memory.accepted(accepted);
            return awaitInsync(plan, accepted, started);
        } catch (ZoneException e) {
            return outcome(plan, PublishStatus.FAILED, e.kind().name().toLowerCase() + ": " + e.getMessage(), started);
        }
    }

    /**
     * Polls the accepted change until INSYNC. A poll refused on every attempt does not undo the
     * change: the publish is reported ACCEPTED at once (the thread is free for the next plan, and
     * the engine asks again), and FAILED only once the INSYNC timeout has passed since it was accepted.
     */
    private PlanPublished awaitInsync(TrafficPlan plan, ZoneMemory.Accepted sent, long started) {
        String change = "change " + sent.changeId() + " (" + sent.changes() + " records)";
        long deadline = sent.atNanos() + settings.insyncTimeout().toNanos();
        while (true) {
            boolean insync;
            try {
                insync = call(() -> zone.insync(sent.changeId()));
            } catch (ZoneException e) {
                if (!e.retryable()) {
                    memory.forget();
                    throw e;
                }
                String why = e.kind().name().toLowerCase() + ": " + e.getMessage();
                return System.nanoTime() > deadline
                        ? outcome(plan, PublishStatus.FAILED, change + " accepted but not seen INSYNC in "
                                + settings.insyncTimeout().toSeconds() + "s (" + why + ")", started)
                        : outcome(plan, PublishStatus.ACCEPTED, change + " accepted, INSYNC not confirmed yet (" + why
                                + "); Route 53 applies an accepted change, so it is polled again, not sent again" + sent.note(),
                                started);
            }
            if (insync) {
                memory.confirmed();
                return outcome(plan, PublishStatus.INSYNC, change + " INSYNC" + sent.note(), started);
            }
            if (System.nanoTime() > deadline) {
                return outcome(plan, PublishStatus.FAILED, "change " + sent.changeId() + " not INSYNC after "
                        + settings.insyncTimeout().toSeconds() + "s", started);
            }
            sleep(settings.pollInterval());
        }
    }

    /**
     * The records a publish diffs against: read afresh; but once this writer knows the zone, the read
     * gets one attempt, and when it is refused the known records stand in. The read only shapes the
     * diff (the fence in the batch still guards ownership), so under a throttle a publish waits out
     * one call's retries, not two.
     */
    private List<RecordSet> current() {
        if (!memory.known()) {
            return memory.read(call(zone::list));
        }
        try {
            return memory.read(zone.list());
        } catch (ZoneException e) {
            if (!e.retryable()) {
                throw e;
            }
            log.debug("publish diffs against the records this writer knows: the read was refused ({})", e.getMessage());
            return memory.records();
        }
    }

    private <T> T call(Supplier<T> zoneCall) {
        return Retry.decorateSupplier(retry, zoneCall).get();
    }

    private PlanPublished outcome(TrafficPlan plan, PublishStatus status, String detail, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        if (status == PublishStatus.ACCEPTED) {
            log.info("publish of generation {} {}: {}", plan.generation(), status, detail);
        } else if (status != PublishStatus.INSYNC) {
            log.warn("publish of generation {} {}: {}", plan.generation(), status, detail);
        }
        return new PlanPublished(plan.generation(), status, detail, took);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZoneException(ZoneException.Kind.OTHER, "interrupted while waiting for INSYNC");
        }
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
