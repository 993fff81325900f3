package houston.dns;

import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.model.TrafficPlan;
import houston.dns.records.Change;
import houston.dns.records.PoolLayout;
import houston.dns.records.RecordSet;
import houston.dns.zone.ZoneException;
import houston.dns.zone.ZoneStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link WeightedRecordSwitch}'s {@code publish(plan)}, on the switch's thread: diffs the plan against
 * the live records, sends the batch under the ownership fence this writer holds, and polls it until
 * INSYNC; the class comment of the switch tells the whole algorithm. Keeps which ownership record
 * this writer expects and at which leader epoch it writes, as its reads, claims and publishes leave them.
 */
final class PlanPublisher {

    /** Logged as the switch: the lines operators know and log configurations name. */
    private static final Logger log = LoggerFactory.getLogger(WeightedRecordSwitch.class);

    private final ZoneStore zone;
    private final PoolLayout layout;
    private final SwitchSettings settings;
    private final ZoneRetry retry;
    private final ZoneMemory memory;
    private final ChangeBatches batches;
    /** The ownership record as this writer last saw or wrote it; null with ownerKnown = none existed. */
    private RecordSet expectedOwner;
    /** False until this writer has looked at the zone (readLive, or its first publish takes over). */
    private boolean ownerKnown;
    /** The leader epoch this writer claimed (0: none, a single daemon); written into the ownership record. */
    private long epoch;

    PlanPublisher(ZoneStore zone, PoolLayout layout, SwitchSettings settings, ZoneRetry retry, ZoneMemory memory,
                  ChangeBatches batches) {
        this.zone = zone;
        this.layout = layout;
        this.settings = settings;
        this.retry = retry;
        this.memory = memory;
        this.batches = batches;
    }

    /** This writer has just read the zone: {@code owner} is the ownership record its next batch replaces. */
    void sawOwner(RecordSet owner) {
        expectedOwner = owner;
        ownerKnown = true;
    }

    /** This writer has just written {@code fence}, the ownership record naming it at {@code newEpoch}. */
    void claimed(long newEpoch, RecordSet fence) {
        epoch = newEpoch;
        expectedOwner = fence;
        ownerKnown = true;
    }

    /** The batch {@link #publish} would send now, without sending it (empty: nothing to do). */
    List<Change> preview(TrafficPlan plan) {
        List<RecordSet> live = memory.read(call(zone::list));
        RecordSet fence = ownerKnown ? expectedOwner : batches.owner(live);
        return batches.batch(plan, live, fence, epoch);
    }

    PlanPublished publish(TrafficPlan plan) {
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
        return retry.call(zoneCall);
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
}
