package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.core.config.DnsFallbackConfig;
import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.AlertKind;
import houston.core.engine.DecisionEngine;
import houston.core.engine.DecisionKind;
import houston.core.engine.EngineState;
import houston.core.engine.Inputs;
import houston.core.engine.OperatorCommand;
import houston.core.engine.Step;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.model.TrafficPlan;
import houston.core.port.DnsSwitch;
import houston.core.port.Scaler;
import houston.dns.fallback.HealthEndpointDataPlane;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop with synchronous fake adapters and a clock the test advances: nothing sleeps. */
class ControlLoopTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir(factory = InMemoryTempDir.class)
    Path dir;

    private final HoustonSettings settings = HoustonConfigLoader.load(null);
    private final TestClock clock = new TestClock(T0);
    private final List<TrafficPlan> published = new ArrayList<>();
    private final ToldNotifier notifier = new ToldNotifier();
    private final List<Action> told = notifier.told;
    private DecisionEngine engine;
    private JsonlJournal journal;
    private ControlLoop loop;

    private boolean controlPlaneDown;

    private final DnsSwitch dns = new DnsSwitch() {
        @Override
        public CompletionStage<ActionOutcome.PlanPublished> publish(TrafficPlan plan) {
            if (controlPlaneDown) {
                return CompletableFuture.completedFuture(new ActionOutcome.PlanPublished(plan.generation(),
                        ActionOutcome.PublishStatus.FAILED, "ServiceUnavailable", Duration.ofSeconds(2)));
            }
            published.add(plan);
            return CompletableFuture.completedFuture(new ActionOutcome.PlanPublished(plan.generation(),
                    ActionOutcome.PublishStatus.INSYNC, "ok", Duration.ofSeconds(2)));
        }

        @Override
        public CompletionStage<TrafficPlan> readLive() {
            return CompletableFuture.completedFuture(published.isEmpty() ? null : published.get(published.size() - 1));
        }
    };

    private final Scaler scaler = new ReadyScaler();

    @BeforeEach
    void start() {
        engine = new DecisionEngine(settings.engine(), settings.topology());
        journal = new JsonlJournal(dir, 1 << 20, 5);
        loop = new ControlLoop(engine, engine.initialState(T0), dns, scaler, notifier, journal, clock);
    }

    @AfterEach
    void stop() {
        loop.close();
        journal.close();
    }

    /** One second: every vantage probes every location; those {@code down} fail for all of them. */
    private Step second(String... down) {
        clock.now = clock.now.plusSeconds(1);
        List<String> failing = Arrays.asList(down);
        for (String v : settings.engine().health().vantages()) {
            for (String l : settings.topology().ids()) {
                loop.observe(new Observation(v, l, "canary", clock.now, failing.contains(l) ? Outcome.CONNECT_ERROR
                        : Outcome.OK, Duration.ofMillis(30)));
            }
        }
        return loop.tick();
    }

    /** Share of catchments other than {@code location}'s own that the wanted plan sends to it. */
    private double foreignShareOn(String location) {
        double share = 0;
        for (String c : settings.topology().ids()) {
            share += c.equals(location) ? 0 : loop.state().plan().fraction(c, location);
        }
        return share;
    }

    private void run(int seconds, String down) {
        for (int i = 0; i < seconds; i++) {
            second(down);
        }
    }

    private List<Action.Alert> alerts(AlertKind kind) {
        return told.stream().filter(a -> a instanceof Action.Alert al && al.kind() == kind).map(Action.Alert.class::cast)
                .toList();
    }

    @Test
    void aSecondOutageThreeSecondsAfterTheFirstStopsReceivingAtOnceAndIsEvacuated() {
        run(10, null);
        run(3, "us-east-1");
        int usEast2 = settings.topology().indexOf("us-east-2");

        List<String> failed = new ArrayList<>();
        Instant detected = null;
        Instant decided = null;
        for (int i = 0; i < 20; i++) {
            Step step = second("us-east-1", "us-east-2");
            if (step == null) {
                failed.add(clock.now.toString());
                continue;
            }
            if (detected != null) {
                assertEquals(0.0, foreignShareOn("us-east-2"), 1e-12, "a tick after detection, at " + clock.now);
            }
            if (detected == null && loop.state().report().isBad(usEast2)) {
                detected = clock.now;
            }
            if (decided == null && step.actions().stream().anyMatch(a -> a instanceof Action.Notify n
                    && n.decision().kind() == DecisionKind.EVACUATION_DECIDED && n.decision().location().equals("us-east-2"))) {
                decided = clock.now;
            }
        }

        assertEquals(List.of(), failed);
        assertTrue(detected != null && decided != null, "detected " + detected + ", decided " + decided);
        long hold = settings.engine().hysteresis().downHold().toSeconds();
        assertTrue(Duration.between(detected, decided).toSeconds() <= hold + 1, detected + " -> " + decided);
        assertEquals(0.0, foreignShareOn("us-east-1"), 1e-12);
    }

    @Test
    void twoOperatorEvacuationsInARowAreBothApplied() {
        run(10, null);
        loop.command(new OperatorCommand.Evacuate("us-east-1", null, "maintenance", "alice"));
        run(3, null);

        loop.command(new OperatorCommand.Evacuate("us-east-2", null, "maintenance", "alice"));
        run(3, null);

        TrafficPlan live = published.get(published.size() - 1);
        assertEquals(0.0, live.fraction("us-east-1", "us-east-1"));
        assertEquals(0.0, live.fraction("us-east-2", "us-east-2"));
        assertEquals(0.0, foreignShareOn("us-east-1") + foreignShareOn("us-east-2"), 1e-12);
        assertEquals(List.of(), alerts(AlertKind.TICK_FAILED));
    }

    @Test
    void aTickThatThrowsKeepsItsInputsAlertsOnceIsCountedAndTheLoopGoesOn() {
        loop.close();
        AtomicBoolean failing = new AtomicBoolean();
        loop = new ControlLoop(engine, (state, inputs, now) -> {
            if (failing.get()) {
                throw new IllegalArgumentException("row us-east-2 has fraction -1.3877787807814457E-17 (expected: 0..1)");
            }
            return engine.step(state, inputs, now);
        }, engine.initialState(T0), dns, scaler, notifier, journal, clock);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LoopMetrics.bind(registry, loop);
        run(10, null);

        failing.set(true);
        loop.command(new OperatorCommand.Evacuate("eu-west-2", null, "drill", "alice"));
        run(5, null);
        failing.set(false);
        second();

        assertEquals(1, alerts(AlertKind.TICK_FAILED).size());
        assertEquals(5.0, registry.get("houston.tick.failures").functionCounter().count());
        assertEquals(11, loop.state().tick());
        JsonlJournal.Record stepped = journal.records().get(journal.records().size() - 1);
        assertEquals(1, stepped.inputs().commands().size());
        int perSecond = settings.engine().health().vantages().size() * settings.topology().size();
        assertEquals(6 * perSecond, stepped.inputs().observations().size());
        assertTrue(told.stream().anyMatch(a -> a instanceof Action.Notify n
                && n.decision().kind() == DecisionKind.EVACUATION_DECIDED && n.decision().location().equals("eu-west-2")));
    }

    @Test
    void aJournalThatCannotBeWrittenIsAlertedAsThatWithTheKeyToFixNotAsAStackFrame() {
        loop.close();
        AtomicBoolean full = new AtomicBoolean();
        loop = new ControlLoop(engine, (state, inputs, now) -> {
            if (full.get()) {
                throw new JournalUnavailable(Path.of("/var/lib/houston"), "cannot write journal "
                        + "/var/lib/houston/journal.jsonl", new java.io.IOException("No space left on device"));
            }
            return engine.step(state, inputs, now);
        }, engine.initialState(T0), dns, scaler, notifier, journal, clock);
        run(3, null);

        full.set(true);
        run(2, null);

        List<Action.Alert> failed = alerts(AlertKind.TICK_FAILED);
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).message().contains("failed: cannot write journal /var/lib/houston/journal.jsonl: No space "
                + "left on device (houston.journal.dir: free space there or fix its permissions; nothing is decided or "
                + "published until a tick can be journaled"), failed.get(0).message());
        assertFalse(failed.get(0).message().contains("java.") || failed.get(0).message().contains("houston.app."),
                failed.get(0).message());
    }

    @Test
    void aScaleUpWhoseAnswerWasOwedToTheStoppedProcessIsAskedAgainAfterTheRestart() {
        // SIGKILLed while receivers scaled: their READY would have come to the old process. Nothing asked again,
        // so the evacuation waited ready-timeout with part of the dead location's users on it.
        loop.close();
        List<Action.PreScale> asked = new ArrayList<>();
        Scaler silent = new Scaler() {
            @Override
            public CompletionStage<ActionOutcome.ScaleResult> scale(Action.PreScale r) {
                asked.add(r);
                return new CompletableFuture<>();
            }

            @Override
            public CompletionStage<ActionOutcome.ScaleResult> scaleDown(Action.ScaleDown r) {
                return new CompletableFuture<>();
            }
        };
        loop = new ControlLoop(engine, engine.initialState(T0), dns, silent, notifier, journal, clock);
        run(10, null);
        run(5, "us-east-1");
        List<Action.PreScale> before = List.copyOf(asked);
        EngineState stopped = loop.state();
        loop.close();
        asked.clear();

        loop = new ControlLoop(engine, stopped, dns, silent, notifier, journal, clock);
        loop.askAgainForScaleUps();

        assertFalse(before.isEmpty(), "us-east-1's receivers were asked to grow");
        assertEquals(before.stream().map(r -> r.location() + " " + r.instances()).sorted().toList(),
                asked.stream().map(r -> r.location() + " " + r.instances()).sorted().toList());
    }

    @Test
    void anInputThatMakesEveryStepThrowIsSetAsideAndNamedSoTheLoopGoesOn() {
        loop.close();
        loop = new ControlLoop(engine, (state, inputs, now) -> {
            if (inputs.commands().stream().anyMatch(c -> c instanceof OperatorCommand.Evacuate e
                    && e.location().equals("eu-west-2"))) {
                throw new IllegalStateException("a step that cannot take this command");
            }
            return engine.step(state, inputs, now);
        }, engine.initialState(T0), dns, scaler, notifier, journal, clock);
        run(10, null);

        loop.command(new OperatorCommand.Evacuate("eu-west-2", null, "poison", "mallory"));
        run(FailedTicks.MAX_RETRIES + 5, null);

        assertEquals(FailedTicks.MAX_RETRIES, loop.tickFailures());
        assertEquals(10 + 5, loop.state().tick());
        List<Action.Alert> failed = alerts(AlertKind.TICK_FAILED);
        assertEquals(2, failed.size(), failed.toString());
        assertTrue(failed.get(1).message().contains("set aside") && failed.get(1).message().contains("eu-west-2"),
                failed.get(1).message());
    }

    @Test
    void measuredReadingsCarriedOverFailedTicksKeepOnlyTheNewestPerPlace() {
        FailedTicks failures = new FailedTicks(notifier, 1000);
        Inputs first = Inputs.builder().demand(List.of(new Inputs.DemandReading("us-east-1", 10)))
                .capacity(List.of(new Inputs.CapacityReading("us-east-1", 5))).build();
        Inputs then = Inputs.builder().demand(List.of(new Inputs.DemandReading("us-east-1", 20)))
                .capacity(List.of(new Inputs.CapacityReading("us-east-1", 6))).build();

        failures.failed(failures.withCarried(first), T0, new IllegalStateException("x"));
        Inputs merged = failures.withCarried(then);

        assertEquals(List.of(new Inputs.DemandReading("us-east-1", 20)), merged.demand());
        assertEquals(List.of(new Inputs.CapacityReading("us-east-1", 6)), merged.capacity());
    }

    @Test
    void everyCounterIsExportedAtZeroBeforeItsFirstEvent() {
        io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry =
                new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);

        LoopMetrics.bind(registry, loop);
        String scrape = registry.scrape();

        assertTrue(scrape.contains("houston_decisions_total{kind=\"evacuation_decided\"} 0.0"), scrape);
        assertTrue(scrape.contains("houston_alerts_total{kind=\"fail_static\"} 0.0"), scrape);
        assertTrue(scrape.contains("houston_dns_publishes_total{status=\"failed\"} 0.0"), scrape);
        assertTrue(scrape.contains("houston_scale_actions_total{kind=\"up\",status=\"timed_out\"} 0.0"), scrape);
        assertTrue(scrape.contains("houston_dns_publish_seconds_count 0"), scrape);
    }

    @Test
    void anOutageIsEvacuatedAndThePlanGoesToDns() {
        run(10, null);

        run(6, "us-east-1");

        // Detected within the six seconds at the default probe interval and holds; the receivers may take
        // it in more than one plan (what ready instances hold first), the last one empties us-east-1.
        assertFalse(published.isEmpty());
        assertEquals(0.0, published.get(published.size() - 1).fraction("us-east-1", "us-east-1"), 1e-9);
        assertEquals(1, told.stream().filter(a -> a instanceof Action.Notify n
                && n.decision().kind() == DecisionKind.EVACUATION_DECIDED).count());
    }

    @Test
    void publishOutcomeComesBackAsAnInputAndTheLocationIsEvacuated() {
        run(10, null);

        run(8, "us-east-1");

        assertEquals(houston.core.model.LocationState.EVACUATED,
                loop.state().track(settings.topology().indexOf("us-east-1")).state());
    }

    /** The loop again, with the health-endpoint fallback engaging after 30 s of failed publishes. */
    private HealthEndpointDataPlane withHealthEndpointFallback() {
        engine = new DecisionEngine(settings.engine().withDnsFallback(
                new DnsFallbackConfig(DnsFallbackConfig.Mode.HEALTH_ENDPOINT, Duration.ofSeconds(30))), settings.topology());
        loop.close();
        loop = new ControlLoop(engine, engine.initialState(T0), dns, scaler, notifier, journal, clock);
        HealthEndpointDataPlane plane = new HealthEndpointDataPlane(List.of());
        loop.useDataPlane(plane);
        return plane;
    }

    @Test
    void failingPublishesEvacuateThroughTheHealthEndpointAndTheJournalReplaysIt() {
        HealthEndpointDataPlane plane = withHealthEndpointFallback();
        run(10, null);
        controlPlaneDown = true;

        run(60, "us-east-1");

        assertFalse(plane.healthy("us-east-1"));
        assertEquals(List.of("us-east-1"), loop.state().dnsFallback().live());
        EngineState replayed = engine.initialState(T0);
        for (JsonlJournal.Record r : journal.records()) {
            replayed = engine.step(replayed, r.inputs(), r.at()).next();
        }
        assertEquals(loop.state().dnsFallback(), replayed.dnsFallback());
    }

    @Test
    void fallbackGaugesSayWhichLocationsTheDataPlaneHoldsOutAndHowLongPublishesHaveFailed() {
        withHealthEndpointFallback();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DnsFallbackMetrics.bind(registry, loop, clock);
        run(10, null);
        double before = registry.get("houston.dns.fallback.engaged").tag("location", "us-east-1").gauge().value();
        controlPlaneDown = true;

        run(60, "us-east-1");
        double engaged = registry.get("houston.dns.fallback.engaged").tag("location", "us-east-1").gauge().value();
        double neighbour = registry.get("houston.dns.fallback.engaged").tag("location", "us-east-2").gauge().value();
        double failing = registry.get("houston.dns.publish.failing").gauge().value();
        controlPlaneDown = false;
        run(30, "us-east-1");

        assertEquals(0.0, before);
        assertEquals(1.0, engaged);
        assertEquals(0.0, neighbour);
        // The first publish went out a few seconds into the outage; its 2 s round trip counts as failing.
        assertTrue(failing > 40 && failing < 60, "failing for " + failing + " s");
        assertEquals(0.0, registry.get("houston.dns.fallback.engaged").tag("location", "us-east-1").gauge().value());
        assertEquals(0.0, registry.get("houston.dns.publish.failing").gauge().value());
    }

    @Test
    void aLongDnsOutageAlertsOnceThenRemindsEveryFifteenMinutesAndSaysWhenItRecovers() {
        withHealthEndpointFallback();
        run(10, null);
        controlPlaneDown = true;

        run(40 * 60, "us-east-1");
        List<Action.Alert> duringOutage = alerts(AlertKind.DNS_PUBLISH_FAILED);
        controlPlaneDown = false;
        run(60, "us-east-1");

        assertEquals(3, duringOutage.size(), duringOutage.toString());
        assertTrue(duringOutage.get(1).message().startsWith("DNS publishes still failing for 15 min"),
                duringOutage.get(1).message());
        assertTrue(loop.recentDecisions().stream().anyMatch(d -> d.kind() == DecisionKind.FALLBACK_ENGAGED));
        assertTrue(told.stream().anyMatch(a -> a instanceof Action.Notify n
                && n.decision().summary().matches("DNS publishes work again after (39|40) min .*")), told.toString());
    }

    @Test
    void failuresSeenWhileFollowingAreNotToldAsRecoveredOnceThisReplicaLeads() {
        withHealthEndpointFallback();
        run(10, null);
        // A follower's publishes "fail" (only the leader publishes) while the leader's succeed.
        controlPlaneDown = true;
        run(120, "us-east-1");
        controlPlaneDown = false;

        loop.takeOverAlertStreaks(0);
        run(60, "us-east-1");

        assertEquals(List.of(), told.stream().filter(a -> a instanceof Action.Notify n
                && n.decision().kind() == DecisionKind.PUBLISH_RECOVERED).toList());
    }

    @Test
    void aLeaderTakingOverAnOutageThePreviousOnePagedRemindsOnScheduleAndSaysOnceWhenItEnds() {
        withHealthEndpointFallback();
        run(10, null);
        controlPlaneDown = true;
        long pagedAt = clock.now.toEpochMilli();

        loop.takeOverAlertStreaks(pagedAt);
        run(16 * 60, "us-east-1");
        List<Action.Alert> duringOutage = alerts(AlertKind.DNS_PUBLISH_FAILED);
        controlPlaneDown = false;
        run(60, "us-east-1");

        assertEquals(1, duringOutage.size(), duringOutage.toString());
        assertTrue(duringOutage.get(0).message().startsWith("DNS publishes still failing for 15 min"),
                duringOutage.get(0).message());
        assertEquals(1, told.stream().filter(a -> a instanceof Action.Notify n
                && n.decision().kind() == DecisionKind.PUBLISH_RECOVERED).count());
    }

    @Test
    void theJournalReplaysToTheSameDecisions() {
        run(10, null);
        run(20, "eu-west-2");
        run(120, null);
        List<JsonlJournal.Record> records = journal.records();

        EngineState state = engine.initialState(T0);
        List<String> replayed = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        for (JsonlJournal.Record r : records) {
            Step step = engine.step(state, r.inputs(), r.at());
            state = step.next();
            step.actions().forEach(a -> replayed.add(JournalCodec.describe(a)));
            recorded.addAll(r.actions());
        }

        assertEquals(150, records.size());
        assertEquals(recorded, replayed);
        assertTrue(recorded.stream().anyMatch(s -> s.startsWith("publish generation")), recorded.toString());
    }

    @Test
    void measuredDemandAndInstancesAreSteppedAndJournaledEveryTick() {
        loop.readFrom(() -> List.of(new Inputs.DemandReading("us-east-1", 61_000)),
                () -> List.of(new Inputs.CapacityReading("us-east-2", 240)));

        run(3, null);

        assertEquals(61_000, loop.state().demand()[settings.topology().indexOf("us-east-1")], 1e-9);
        assertEquals(240, loop.state().instances()[settings.topology().indexOf("us-east-2")]);
        for (JsonlJournal.Record r : journal.records()) {
            assertEquals(List.of(new Inputs.DemandReading("us-east-1", 61_000)), r.inputs().demand());
            assertEquals(List.of(new Inputs.CapacityReading("us-east-2", 240)), r.inputs().capacity());
        }
    }

    @Test
    void everyTickIsOnDiskWhenAppendReturns() throws Exception {
        run(3, null);

        assertEquals(3, Files.readAllLines(dir.resolve("journal.jsonl")).size());
    }
}
