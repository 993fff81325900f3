package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.DecisionEngine;
import houston.core.engine.DecisionKind;
import houston.core.engine.EngineState;
import houston.core.engine.Step;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.model.TrafficPlan;
import houston.core.port.DnsSwitch;
import houston.core.port.Notifier;
import houston.core.port.Scaler;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop with synchronous fake adapters and a clock the test advances: nothing sleeps. */
class ControlLoopTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path dir;

    private final HoustonSettings settings = HoustonConfigLoader.load(null);
    private final TestClock clock = new TestClock(T0);
    private final List<TrafficPlan> published = new ArrayList<>();
    private final List<Action> told = new ArrayList<>();
    private DecisionEngine engine;
    private JsonlJournal journal;
    private ControlLoop loop;

    private final DnsSwitch dns = new DnsSwitch() {
        @Override
        public CompletionStage<ActionOutcome.PlanPublished> publish(TrafficPlan plan) {
            published.add(plan);
            return CompletableFuture.completedFuture(new ActionOutcome.PlanPublished(plan.generation(),
                    ActionOutcome.PublishStatus.INSYNC, "ok", Duration.ofSeconds(2)));
        }

        @Override
        public CompletionStage<TrafficPlan> readLive() {
            return CompletableFuture.completedFuture(published.isEmpty() ? null : published.get(published.size() - 1));
        }
    };

    private final Scaler scaler = new Scaler() {
        @Override
        public CompletionStage<ActionOutcome.ScaleResult> scale(Action.PreScale r) {
            return CompletableFuture.completedFuture(new ActionOutcome.ScaleResult(r.location(), r.instances(),
                    ActionOutcome.ScaleStatus.READY, "ready"));
        }

        @Override
        public CompletionStage<ActionOutcome.ScaleResult> scaleDown(Action.ScaleDown r) {
            return CompletableFuture.completedFuture(new ActionOutcome.ScaleResult(r.location(), r.instances(),
                    ActionOutcome.ScaleStatus.READY, "down"));
        }
    };

    private final Notifier notifier = new Notifier() {
        @Override
        public void notify(Action.Notify n) {
            told.add(n);
        }

        @Override
        public void alert(Action.Alert a) {
            told.add(a);
        }
    };

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

    /** One second: every vantage probes every location; {@code down} fails for all of them. */
    private Step second(String down) {
        clock.now = clock.now.plusSeconds(1);
        for (String v : settings.engine().health().vantages()) {
            for (String l : settings.topology().ids()) {
                loop.observe(new Observation(v, l, "canary", clock.now, l.equals(down) ? Outcome.CONNECT_ERROR : Outcome.OK,
                        Duration.ofMillis(30)));
            }
        }
        return loop.tick();
    }

    private void run(int seconds, String down) {
        for (int i = 0; i < seconds; i++) {
            second(down);
        }
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

        assertEquals(1, published.size());
        assertEquals(0.0, published.get(0).fraction("us-east-1", "us-east-1"), 1e-9);
        assertTrue(told.stream().anyMatch(a -> a instanceof Action.Notify n
                && n.decision().kind() == DecisionKind.EVACUATION_DECIDED));
    }

    @Test
    void publishOutcomeComesBackAsAnInputAndTheLocationIsEvacuated() {
        run(10, null);

        run(8, "us-east-1");

        assertEquals(houston.core.model.LocationState.EVACUATED,
                loop.state().track(settings.topology().indexOf("us-east-1")).state());
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
    void everyTickIsOnDiskWhenAppendReturns() throws Exception {
        run(3, null);

        assertEquals(3, Files.readAllLines(dir.resolve("journal.jsonl")).size());
    }
}
