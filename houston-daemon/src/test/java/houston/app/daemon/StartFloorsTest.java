package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.core.config.DnsFallbackConfig;
import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.model.TrafficPlan;
import houston.core.plan.FallbackReceivers;
import houston.dns.InMemoryDnsSwitch;
import houston.dns.records.PoolLayout;
import houston.dns.records.RecordSet;
import houston.dns.SwitchSettings;
import houston.dns.zone.InMemoryZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A zone prepared by {@code houston dns init} before the data-plane fallback was turned on: every pool
 * at home, no floors. The daemon starting with the fallback on writes them before anything fails.
 */
class StartFloorsTest {

    private static final HoustonSettings BASE = HoustonConfigLoader.load(null);
    private static final SwitchSettings SWITCHING = new SwitchSettings("houston", Duration.ofSeconds(5),
            Duration.ofMillis(20), 1, Duration.ofMillis(10), Duration.ofMillis(10));

    private final InMemoryZone zone = new InMemoryZone(Clock.systemUTC(), Duration.ZERO);
    private final PoolLayout withFloors = new PoolLayout(BASE.topology(), BASE.dns().zone(), BASE.dns().ttlSeconds(),
            new FallbackReceivers(BASE.topology(), BASE.engine().planner()));
    private final InMemoryDnsSwitch plain = new InMemoryDnsSwitch(zone,
            new PoolLayout(BASE.topology(), BASE.dns().zone(), BASE.dns().ttlSeconds()), SWITCHING);
    private final InMemoryDnsSwitch daemons = new InMemoryDnsSwitch(zone, withFloors, SWITCHING);
    private final EngineState start = new DecisionEngine(BASE.engine().withDnsFallback(
            new DnsFallbackConfig(DnsFallbackConfig.Mode.HEALTH_ENDPOINT, Duration.ofSeconds(30))), BASE.topology())
            .initialState(Instant.parse("2026-12-02T00:00:00Z"));

    @AfterEach
    void close() {
        plain.close();
        daemons.close();
    }

    private List<RecordSet> weighted(String pool) {
        return zone.list().stream().filter(r -> "A".equals(r.type()) && r.name().startsWith(pool + ".")
                && r.weight() != null && r.weight() > 0).toList();
    }

    @Test
    void aZoneInitialisedWithoutFloorsGetsThemWhenADaemonWithTheFallbackStarts() throws Exception {
        plain.init(TrafficPlan.identity(BASE.topology().ids(), 0)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<RecordSet> before = weighted("us-east-1");

        PlanPublished written = StartFloors.write(daemons, start, true, false, true).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertEquals(1, before.size(), "home only: " + before);
        assertEquals(houston.core.engine.ActionOutcome.PublishStatus.INSYNC, written.status(), written.detail());
        assertEquals(List.of(), daemons.preview(start.plan()).toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
                .filter(c -> "A".equals(c.set().type())).toList(), "the zone holds what the daemon would publish");
        assertEquals(0, plain.readLive().toCompletableFuture().get(10, TimeUnit.SECONDS).generation());
        assertEquals(true, weighted("us-east-1").size() > 1, "floors beside the home: " + weighted("us-east-1"));
    }

    @Test
    void nothingIsWrittenWithoutTheFallbackByAReplicaOrBeforeDnsWasRead() throws Exception {
        plain.init(TrafficPlan.identity(BASE.topology().ids(), 0)).toCompletableFuture().get(10, TimeUnit.SECONDS);

        PlanPublished off = StartFloors.write(daemons, start, false, false, true).toCompletableFuture().get();
        PlanPublished replica = StartFloors.write(daemons, start, true, true, true).toCompletableFuture().get();
        PlanPublished unread = StartFloors.write(daemons, start, true, false, false).toCompletableFuture().get();

        assertNull(off);
        assertNull(replica);
        assertNull(unread);
        assertEquals(1, weighted("us-east-1").size());
    }
}
