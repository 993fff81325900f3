package houston.dns;

import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import houston.dns.records.PoolLayout;
import houston.dns.zone.InMemoryZone;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 25 locations make 625 pool records: changing every row needs 1,250 of Route 53's 1,000. */
class BatchSplitTest {

    private final Topology topology = twentyFive();
    private final PoolLayout layout = new PoolLayout(topology, "example.net", 30);
    private final InMemoryZone zone = new InMemoryZone(Clock.systemUTC(), Duration.ZERO);
    private final WeightedRecordSwitch dns = new WeightedRecordSwitch(zone, layout,
            DnsSwitchContract.settings("houston-1", 3));

    private static Topology twentyFive() {
        List<houston.core.model.Location> locations = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            locations.add(DnsSwitchContract.location(String.format("loc-%02d", i), i));
        }
        return Topology.greatCircle(locations);
    }

    private TrafficPlan everyRowMoved(long generation) {
        Map<String, Map<String, Double>> rows = new HashMap<>();
        for (int c = 0; c < topology.size(); c++) {
            rows.put(topology.location(c).id(), Map.of(topology.location((c + 1) % topology.size()).id(), 1.0));
        }
        return TrafficPlan.of(topology.ids(), rows, generation);
    }

    @Test
    void batchOverTheRecordLimitIsSplitAndSaysSo() throws Exception {
        PlanPublished result = DnsSwitchContract.await(dns.publish(everyRowMoved(1)));

        assertEquals(PublishStatus.INSYNC, result.status(), result.detail());
        assertTrue(result.detail().contains("split into 2 batches"), result.detail());
        assertEquals(2, zone.submits());
        assertEquals(everyRowMoved(1), DnsSwitchContract.await(dns.readLive()));
    }

    @Test
    void aSplitPublishIsStillFencedAgainstAStaleWriter() throws Exception {
        WeightedRecordSwitch stale = new WeightedRecordSwitch(zone, layout, DnsSwitchContract.settings("houston-2", 3));
        DnsSwitchContract.await(dns.readLive());
        DnsSwitchContract.await(stale.readLive());
        DnsSwitchContract.await(dns.publish(TrafficPlan.identity(topology.ids(), 1)));

        PlanPublished result = DnsSwitchContract.await(stale.publish(everyRowMoved(2)));

        assertEquals(PublishStatus.LOST_OWNERSHIP, result.status(), result.detail());
    }
}
