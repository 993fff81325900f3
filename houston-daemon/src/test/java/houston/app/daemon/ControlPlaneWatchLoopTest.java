package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.core.config.DnsFallbackConfig;
import houston.core.engine.Action;
import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.AlertKind;
import houston.core.engine.DecisionEngine;
import houston.core.engine.Inputs.ControlPlaneReading;
import houston.core.model.TrafficPlan;
import houston.core.port.ControlPlaneWatch;
import houston.core.port.DnsSwitch;
import houston.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control loop's control-plane watch: readings stepped, journaled, told once, and read by the leader only. */
class ControlPlaneWatchLoopTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");
    private static final Duration EVERY = Duration.ofMillis(20);

    @TempDir(factory = InMemoryTempDir.class)
    Path dir;

    private final HoustonSettings settings = HoustonConfigLoader.load(null);
    private final TestClock clock = new TestClock(T0);
    private final ToldNotifier notifier = new ToldNotifier();
    private final List<Action> told = notifier.told;
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean apiDown = true;
    private JsonlJournal journal;
    private ControlLoop loop;

    private final ControlPlaneWatch watch = atMs -> {
        reads.incrementAndGet();
        return CompletableFuture.completedFuture(new ControlPlaneReading(atMs, !apiDown, apiDown ? "down" : ""));
    };

    private final DnsSwitch dns = new DnsSwitch() {
        @Override
        public CompletionStage<PlanPublished> publish(TrafficPlan plan) {
            throw new AssertionError("nothing moves for a failed watch alone");
        }

        @Override
        public CompletionStage<TrafficPlan> readLive() {
            return CompletableFuture.completedFuture(TrafficPlan.identity(settings.topology().ids(), 0));
        }
    };

    @BeforeEach
    void start() {
        DecisionEngine engine = new DecisionEngine(settings.engine().withDnsFallback(
                new DnsFallbackConfig(DnsFallbackConfig.Mode.HEALTH_ENDPOINT, Duration.ofMinutes(2))), settings.topology());
        journal = new JsonlJournal(dir, 1 << 20, 5);
        loop = new ControlLoop(engine, engine.initialState(T0), dns, new ReadyScaler(), notifier, journal, clock);
    }

    @AfterEach
    void stop() {
        loop.close();
        journal.close();
    }

    private boolean tickUntil(java.util.function.BooleanSupplier condition) {
        clock.now = clock.now.plusSeconds(1);
        loop.tick();
        return condition.getAsBoolean();
    }

    @Test
    void aFailedReadIsSteppedJournaledAndToldOnceAndAnAnsweredOneEndsIt() throws Exception {
        loop.watchControlPlane(watch, EVERY, () -> true);

        Eventually.await(() -> tickUntil(() -> reads.get() >= 5 && loop.state().dnsFallback().watchFailingSince() > 0));
        long failingSince = loop.state().dnsFallback().watchFailingSince();
        apiDown = false;
        Eventually.await(() -> tickUntil(() -> loop.state().dnsFallback().watchFailingSince() == 0));

        assertTrue(failingSince >= T0.toEpochMilli(), "failing since " + failingSince);
        assertEquals(1, told.stream().filter(a -> a instanceof Action.Alert al
                && al.kind() == AlertKind.DNS_CONTROL_PLANE_DOWN).count());
        assertEquals(1, told.stream().filter(a -> a instanceof Action.Notify n
                && n.decision().summary().startsWith("DNS control-plane reads work again")).count());
        assertTrue(journal.readAll().stream().anyMatch(r -> r.inputs().controlPlane().stream()
                .anyMatch(c -> !c.ok() && c.atMs() == failingSince)));
    }

    @Test
    void aFollowerDoesNotRead() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        loop.watchControlPlane(watch, EVERY, () -> asked.incrementAndGet() < 0);

        // The watch's timer has come round ten times, each time refused by the gate.
        Eventually.await(() -> asked.get() >= 10);
        loop.tick();

        assertEquals(0, reads.get());
        assertEquals(0, loop.state().dnsFallback().watchFailingSince());
    }

    @Test
    void aReplicaThatBecomesTheLeaderReadsAtOnceNotAWholePeriodLater() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean leads = new java.util.concurrent.atomic.AtomicBoolean();
        Duration every = Duration.ofMinutes(10);
        loop.watchControlPlane(watch, every, leads::get);

        leads.set(true);
        // A new leader inherits a failing publish and backs off up to publish-retry: only a failed read of its own
        // lets the API's return cut that wait short, so its first read cannot wait for the period to come round.
        Eventually.await(Duration.ofSeconds(5), () -> reads.get() == 1);
        Eventually.await(() -> tickUntil(() -> loop.state().dnsFallback().watchFailingSince() > 0));

        assertEquals(1, reads.get(), "one read on taking over, the next a period later");
    }
}
