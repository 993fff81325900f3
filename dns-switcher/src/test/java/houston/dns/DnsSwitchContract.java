package houston.dns;

import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.model.CapacityModel;
import houston.core.model.GeoPoint;
import houston.core.model.Location;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import houston.dns.records.PoolLayout;
import houston.dns.records.RecordSet;
import houston.dns.zone.InMemoryZone;
import houston.dns.zone.ZoneException;
import houston.testkit.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every DNS switch must do, whatever stores its records. Subclasses provide a zone (an
 * {@link InMemoryZone}, possibly behind the Route 53 stand-in) and switches writing to it.
 */
public abstract class DnsSwitchContract {

    protected static final Topology TOPOLOGY = Topology.greatCircle(List.of(location("loc-a", 0), location("loc-b", 10),
            location("loc-c", 20)));
    protected static final PoolLayout LAYOUT = new PoolLayout(TOPOLOGY, "example.net", 30);
    protected static final List<String> IDS = TOPOLOGY.ids();

    protected static Location location(String id, double longitude) {
        return new Location(id, id, new GeoPoint(0, longitude), List.of("192.0.2." + (int) (longitude + 1)), 100,
                new CapacityModel(2, 100, 1, 4, 0.5, Duration.ofMinutes(1)));
    }

    protected static SwitchSettings settings(String writer, int maxAttempts) {
        return new SwitchSettings(writer, Duration.ofSeconds(10), Duration.ofMillis(20), maxAttempts,
                Duration.ofMillis(5), Duration.ofMillis(50));
    }

    /** The zone every switch of this test writes to; faults and batch counts go through it. */
    protected abstract InMemoryZone zone();

    /** A switch as writer {@code writer} on the shared zone: a second call is a second daemon (or a restart). */
    protected abstract WeightedRecordSwitch newSwitch(String writer, int maxAttempts) throws Exception;

    protected WeightedRecordSwitch newSwitch(String writer) throws Exception {
        return newSwitch(writer, 4);
    }

    protected static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return Eventually.result(stage, Duration.ofSeconds(30));
    }

    protected static TrafficPlan evacuateA(long generation) {
        return TrafficPlan.of(IDS, Map.of("loc-a", Map.of("loc-b", 0.6, "loc-c", 0.4)), generation);
    }

    protected static TrafficPlan evacuateAandB(long generation) {
        return TrafficPlan.of(IDS, Map.of("loc-a", Map.of("loc-c", 1.0), "loc-b", Map.of("loc-c", 1.0)), generation);
    }

    @Test
    void restartReadsBackTheLivePlanExactly() throws Exception {
        WeightedRecordSwitch first = newSwitch("houston-1");
        await(first.init(TrafficPlan.identity(IDS, 0)));
        await(first.publish(evacuateA(2)));

        TrafficPlan live = await(newSwitch("houston-1").readLive());

        assertEquals(evacuateA(2), live);
    }

    @Test
    void twoPoolChangeLandsInOneAtomicBatch() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1");
        await(dns.init(TrafficPlan.identity(IDS, 0)));
        int before = zone().submits();

        PlanPublished result = await(dns.publish(evacuateAandB(1)));

        assertEquals(PublishStatus.INSYNC, result.status(), result.detail());
        assertEquals(before + 1, zone().submits());
        assertEquals(evacuateAandB(1), await(dns.readLive()));
    }

    @Test
    void everyPoolHasARecordForEveryLocationEvenAtWeightZero() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1");

        await(dns.publish(evacuateA(1)));

        List<RecordSet> pool = zone().list().stream().filter(r -> r.name().equals("loc-a.pool.example.net.")).toList();
        assertEquals(List.of(0L, 153L, 102L), pool.stream().map(RecordSet::weight).toList());
    }

    @Test
    void sameGenerationTwiceSendsNothing() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1");
        await(dns.publish(evacuateA(2)));
        int before = zone().submits();

        PlanPublished again = await(dns.publish(evacuateA(2)));

        assertEquals(PublishStatus.INSYNC, again.status());
        assertEquals(before, zone().submits());
    }

    @Test
    void lowerGenerationThanTheLiveOneIsRefused() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1");
        await(dns.publish(evacuateA(5)));

        PlanPublished old = await(dns.publish(TrafficPlan.identity(IDS, 4)));

        assertEquals(PublishStatus.FAILED, old.status());
        assertTrue(old.detail().contains("older than the live generation 5"), old.detail());
    }

    @Test
    void staleWritersBatchIsRejectedAndNothingChanges() throws Exception {
        WeightedRecordSwitch leader = newSwitch("houston-1");
        WeightedRecordSwitch stale = newSwitch("houston-2");
        await(leader.init(TrafficPlan.identity(IDS, 1)));
        await(leader.readLive());
        await(stale.readLive());
        await(leader.publish(evacuateA(2)));
        List<RecordSet> afterLeader = zone().list();

        PlanPublished result = await(stale.publish(evacuateAandB(3)));

        assertEquals(PublishStatus.LOST_OWNERSHIP, result.status(), result.detail());
        assertEquals(afterLeader, zone().list());
    }

    @Test
    void staleWriterThatSawAnEmptyZoneIsRejected() throws Exception {
        WeightedRecordSwitch leader = newSwitch("houston-1");
        WeightedRecordSwitch stale = newSwitch("houston-2");
        await(leader.readLive());
        await(stale.readLive());
        await(leader.publish(evacuateA(1)));

        PlanPublished result = await(stale.publish(evacuateAandB(2)));

        assertEquals(PublishStatus.LOST_OWNERSHIP, result.status(), result.detail());
        assertEquals(evacuateA(1), await(leader.readLive()));
    }

    @Test
    void newLeadersFenceMakesTheZoneRejectTheStaleLeadersNextBatchOnceWithoutRetry() throws Exception {
        WeightedRecordSwitch old = newSwitch("replica-1");
        WeightedRecordSwitch elected = newSwitch("replica-2");
        assertTrue(await(old.claim(3)).claimed());
        assertEquals(PublishStatus.INSYNC, await(old.publish(evacuateA(1))).status());

        WeightedRecordSwitch.Claim claim = await(elected.claim(4));
        List<RecordSet> fenced = zone().list();
        int before = zone().submits();
        PlanPublished stale = await(old.publish(evacuateAandB(2)));

        assertTrue(claim.claimed(), claim.detail());
        assertEquals(1, claim.generation(), "the fence keeps the live generation");
        assertEquals(PublishStatus.LOST_OWNERSHIP, stale.status(), stale.detail());
        assertEquals(before + 1, zone().submits(), "sent once, rejected by the zone, not retried");
        assertEquals(fenced, zone().list());
        assertEquals(List.of("\"writer=replica-2 epoch=4 generation=1\""), fenced.stream()
                .filter(r -> r.name().equals(LAYOUT.ownershipName())).findFirst().orElseThrow().values());
    }

    @Test
    void aClaimWithAnOlderEpochThanTheLiveOneIsRefusedWithoutSending() throws Exception {
        WeightedRecordSwitch elected = newSwitch("replica-2");
        await(elected.claim(7));
        await(elected.publish(evacuateA(1)));
        int before = zone().submits();

        WeightedRecordSwitch.Claim stale = await(newSwitch("replica-1").claim(6));

        assertEquals(false, stale.claimed());
        assertTrue(stale.detail().contains("epoch 6 is older than the live epoch 7"), stale.detail());
        assertEquals(before, zone().submits());
        assertEquals(evacuateA(1), await(elected.peekLive()));
    }

    @Test
    void theNewLeaderPublishesTheNextGenerationUnderItsEpoch() throws Exception {
        WeightedRecordSwitch old = newSwitch("replica-1");
        await(old.claim(1));
        await(old.publish(evacuateA(1)));
        WeightedRecordSwitch elected = newSwitch("replica-2");
        await(elected.claim(2));

        PlanPublished next = await(elected.publish(evacuateAandB(2)));

        assertEquals(PublishStatus.INSYNC, next.status(), next.detail());
        assertEquals(evacuateAandB(2), await(old.peekLive()));
    }

    @Test
    void throttlingIsRetriedAndThenSucceeds() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1");
        zone().failNext(new ZoneException(ZoneException.Kind.THROTTLED, "Throttling: Rate exceeded"),
                new ZoneException(ZoneException.Kind.THROTTLED, "PriorRequestNotComplete: busy"));

        PlanPublished result = await(dns.publish(evacuateA(1)));

        assertEquals(PublishStatus.INSYNC, result.status(), result.detail());
        assertEquals(3, zone().submits());
    }

    private static ZoneException[] throttled(int times) {
        ZoneException[] all = new ZoneException[times];
        java.util.Arrays.fill(all, new ZoneException(ZoneException.Kind.THROTTLED, "Throttling: Rate exceeded"));
        return all;
    }

    @Test
    void aChangeWhosePollsAreThrottledIsReportedAcceptedThenPolledAndNeverSentTwice() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1", 3);
        await(dns.readLive());
        zone().failNextPolls(throttled(3));

        PlanPublished first = await(dns.publish(evacuateA(1)));
        int afterFirst = zone().submits();
        PlanPublished again = await(dns.publish(evacuateA(1)));

        assertEquals(PublishStatus.ACCEPTED, first.status(), first.detail());
        assertTrue(first.detail().contains("accepted"), first.detail());
        assertEquals(PublishStatus.INSYNC, again.status(), again.detail());
        assertEquals(afterFirst, zone().submits(), "the accepted change was sent again");
        assertEquals(evacuateA(1), await(dns.readLive()));
    }

    @Test
    void aWriterThatKnowsTheZonePublishesWhenTheReadBeforeTheChangeIsThrottled() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1", 3);
        await(dns.readLive());
        zone().failNextReads(throttled(3));

        PlanPublished result = await(dns.publish(evacuateA(1)));

        assertEquals(PublishStatus.INSYNC, result.status(), result.detail());
        assertEquals(evacuateA(1), await(dns.readLive()));
    }

    @Test
    void aStaleWriterWhoseReadIsThrottledIsStillRejectedByTheFence() throws Exception {
        WeightedRecordSwitch leader = newSwitch("houston-1");
        WeightedRecordSwitch stale = newSwitch("houston-2");
        await(leader.readLive());
        await(stale.readLive());
        await(leader.publish(evacuateA(1)));
        List<RecordSet> afterLeader = zone().list();
        zone().failNextReads(throttled(1));

        PlanPublished result = await(stale.publish(evacuateAandB(2)));

        assertEquals(PublishStatus.LOST_OWNERSHIP, result.status(), result.detail());
        assertEquals(afterLeader, zone().list());
    }

    @Test
    void retriesAreBounded() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1", 3);
        for (int i = 0; i < 5; i++) {
            zone().failNext(new ZoneException(ZoneException.Kind.SERVER_ERROR, "ServiceUnavailable"));
        }

        PlanPublished result = await(dns.publish(evacuateA(1)));

        assertEquals(PublishStatus.FAILED, result.status());
        assertEquals(3, zone().submits());
    }

    @Test
    void invalidChangeBatchIsReportedWithTheZonesMessageAndNotRetried() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1");
        zone().failNext(new ZoneException(ZoneException.Kind.INVALID_CHANGE_BATCH, "RRSet with DNS name x is not permitted"));

        PlanPublished result = await(dns.publish(evacuateA(1)));

        assertEquals(PublishStatus.FAILED, result.status());
        assertTrue(result.detail().contains("is not permitted"), result.detail());
        assertEquals(1, zone().submits());
    }

    @Test
    void initCreatesOnlyWhatIsMissingAtHomeWeight() throws Exception {
        WeightedRecordSwitch dns = newSwitch("houston-1");

        int created = await(dns.init(TrafficPlan.identity(IDS, 0))).size();
        int again = await(dns.init(TrafficPlan.identity(IDS, 0))).size();

        assertEquals(3 * 3 + 1, created);
        assertEquals(0, again);
        assertEquals(TrafficPlan.identity(IDS, 0), await(dns.readLive()));
    }
}
