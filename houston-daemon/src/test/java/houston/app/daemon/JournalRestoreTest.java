package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.Inputs;
import houston.core.engine.OperatorCommand;
import houston.core.engine.PinTarget;
import houston.core.engine.Step;
import houston.core.model.TrafficPlan;
import houston.core.port.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalRestoreTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path dir;

    private final HoustonSettings settings = HoustonConfigLoader.load(null);
    private final DecisionEngine engine = new DecisionEngine(settings.engine(), settings.topology());

    /** A first run: start checkpoint, then an operator evacuates us-east-1 for 2 h and it goes live. */
    private EngineState firstRun(JsonlJournal journal) {
        EngineState state = engine.initialState(T0);
        journal.checkpoint(new JsonlJournal.Checkpoint(T0, state.plan().toMap(), 0, 0));
        Instant at = T0.plusSeconds(1);
        Step step = engine.step(state, Inputs.commands(new OperatorCommand.Evacuate("us-east-1", Duration.ofHours(2),
                "db migration", "alice")), at);
        journal.append(new Journal.Entry(step.next().tick(), at, step.actions().isEmpty() ? Inputs.NONE : Inputs.commands(
                new OperatorCommand.Evacuate("us-east-1", Duration.ofHours(2), "db migration", "alice")), step.actions()));
        long generation = step.next().plan().generation();
        Instant later = at.plusSeconds(1);
        Inputs confirmed = Inputs.outcomes(new houston.core.engine.ActionOutcome.PlanPublished(generation,
                houston.core.engine.ActionOutcome.PublishStatus.INSYNC, "ok", Duration.ofSeconds(1)));
        Step second = engine.step(step.next(), confirmed, later);
        journal.append(new Journal.Entry(second.next().tick(), later, confirmed, second.actions()));
        return second.next();
    }

    @Test
    void aRestartKeepsTheOperatorsPinWhenTheJournalAgreesWithDns() {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        EngineState before = firstRun(journal);

        JournalRestore.Start start = JournalRestore.restore(engine, journal, before.plan(), T0.plusSeconds(600));

        assertTrue(start.replayed());
        assertEquals(PinTarget.EVACUATED, start.state().overrides().pin("us-east-1"));
        assertEquals(before.plan(), start.state().plan());
        assertEquals(T0.plusSeconds(1), start.lastCommand(), "when the replayed state last took an operator command");
    }

    @Test
    void aRestartMidIncidentKeepsTheDecisionsThatExplainIt() {
        // /v1/decisions was empty after a restart beside a location still evacuated: on-call lost the why.
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        EngineState before = firstRun(journal);

        JournalRestore.Start start = JournalRestore.restore(engine, journal, before.plan(), T0.plusSeconds(600));

        assertTrue(start.replayed());
        assertTrue(start.decisions().stream().anyMatch(d -> d.location().equals("us-east-1")
                && d.summary().contains("pinned evacuated by alice")), start.decisions().toString());
    }

    @Test
    void aStopBetweenAPublishAndItsConfirmationKeepsThePinWhenDnsHoldsExactlyThePublishedPlan() {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        EngineState state = engine.initialState(T0);
        journal.checkpoint(new JsonlJournal.Checkpoint(T0, state.plan().toMap(), 0, 0));
        Instant at = T0.plusSeconds(1);
        Inputs evacuate = Inputs.commands(new OperatorCommand.Evacuate("us-east-1", Duration.ofHours(2), "db migration",
                "alice"));
        Step step = engine.step(state, evacuate, at);
        journal.append(new Journal.Entry(step.next().tick(), at, evacuate, step.actions()));
        // DNS took the plan; the daemon stopped before the tick that would have journaled the confirmation.
        TrafficPlan live = step.next().plan();

        JournalRestore.Start start = JournalRestore.restore(engine, journal, live, T0.plusSeconds(600));

        assertTrue(live.generation() >= 1, "the evacuation was published");
        assertTrue(start.replayed());
        assertEquals(PinTarget.EVACUATED, start.state().overrides().pin("us-east-1"));
        assertEquals(live, start.state().plan());
    }

    @Test
    void aGarbageLineInsideTheJournalLosesThatLineOnlyNotThePin() throws Exception {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        EngineState before = firstRun(journal);
        java.nio.file.Files.writeString(dir.resolve("journal.jsonl"), "{\"tick\": oops <b>not json</b>\n",
                java.nio.file.StandardOpenOption.APPEND);
        Instant later = T0.plusSeconds(3);
        Step idle = engine.step(before, Inputs.NONE, later);
        journal.append(new Journal.Entry(idle.next().tick(), later, Inputs.NONE, idle.actions()));

        JournalRestore.Start start = JournalRestore.restore(engine, journal, before.plan(), T0.plusSeconds(600));

        assertTrue(start.replayed());
        assertEquals(PinTarget.EVACUATED, start.state().overrides().pin("us-east-1"));
        assertEquals(before.plan(), start.state().plan());
    }

    @Test
    void aRestartKeepsThePinWhenDnsHoldsThePlanAtItsOwnResolution() {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        EngineState before = firstRun(journal);
        // What a restart reads back: the plan as weights 0..255, i.e. fractions rounded to 1/255.
        houston.dns.records.PoolLayout layout = houston.app.wiring.DnsSwitchFactory.layout(settings);
        List<houston.dns.records.RecordSet> zone = new java.util.ArrayList<>(layout.records(before.plan()));
        zone.add(layout.ownership("houston", before.plan().generation()));
        TrafficPlan live = layout.plan(zone);

        JournalRestore.Start start = JournalRestore.restore(engine, journal, live, T0.plusSeconds(600));

        assertFalse(before.plan().sameRowsAs(live), "the evacuation's shares are not multiples of 1/255");
        assertTrue(start.replayed());
        assertEquals(PinTarget.EVACUATED, start.state().overrides().pin("us-east-1"));
        assertEquals(before.plan(), start.state().plan());
    }

    /** A start checkpoint, then an operator evacuates us-east-1: plan generation 1 is wanted, not yet live. */
    private Step evacuateNotYetPublished(JsonlJournal journal, EngineState state) {
        journal.checkpoint(new JsonlJournal.Checkpoint(T0, state.plan().toMap(), 0, 0));
        Instant at = T0.plusSeconds(1);
        Inputs evacuate = Inputs.commands(new OperatorCommand.Evacuate("us-east-1", Duration.ofHours(2), "db migration",
                "alice"));
        Step step = engine.step(state, evacuate, at);
        journal.append(new Journal.Entry(step.next().tick(), at, evacuate, step.actions()));
        return step;
    }

    @Test
    void aRestartWhilePublishesFailKeepsTheJournalWhoseConfirmedPlanIsLive() {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        EngineState state = engine.initialState(T0);
        Step step = evacuateNotYetPublished(journal, state);
        Instant at = T0.plusSeconds(1);
        Instant later = at.plusSeconds(30);
        Inputs failed = Inputs.outcomes(new houston.core.engine.ActionOutcome.PlanPublished(
                step.next().plan().generation(), houston.core.engine.ActionOutcome.PublishStatus.FAILED,
                "throttled: control plane down", Duration.ofSeconds(30)));
        Step second = engine.step(step.next(), failed, later);
        journal.append(new Journal.Entry(second.next().tick(), later, failed, second.actions()));
        EngineState before = second.next();
        // DNS still holds what was live before the evacuation: the plan of generation 0, read back as weights.
        houston.dns.records.PoolLayout layout = houston.app.wiring.DnsSwitchFactory.layout(settings);
        List<houston.dns.records.RecordSet> zone = new java.util.ArrayList<>(layout.records(state.plan()));
        zone.add(layout.ownership("houston", 0));
        TrafficPlan live = layout.plan(zone);

        JournalRestore.Start start = JournalRestore.restore(engine, journal, live, T0.plusSeconds(600));

        assertEquals(1, before.plan().generation());
        assertEquals(0, before.liveGeneration());
        assertTrue(start.replayed());
        assertEquals(PinTarget.EVACUATED, start.state().overrides().pin("us-east-1"));
        assertEquals(before.plan(), start.state().plan());
        assertEquals(0, start.state().liveGeneration());
        assertEquals(before.track(settings.topology().indexOf("us-east-1")).incident(),
                start.state().track(settings.topology().indexOf("us-east-1")).incident());
    }

    @Test
    void aJournalWhoseConfirmedGenerationMatchesButWhoseRowsDoNotLosesToDns() {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        evacuateNotYetPublished(journal, engine.initialState(T0));
        // Generation 0 in DNS, but someone moved eu-west-1's catchment by hand.
        TrafficPlan edited = TrafficPlan.of(settings.topology().ids(), java.util.Map.of("eu-west-1",
                java.util.Map.of("eu-central-1", 1.0)), 0);

        JournalRestore.Start start = JournalRestore.restore(engine, journal, edited, T0.plusSeconds(600));

        assertFalse(start.replayed());
    }

    @Test
    void whenDnsWasChangedWhileHoustonWasDownDnsWins() {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        firstRun(journal);
        TrafficPlan someoneElse = TrafficPlan.identity(settings.topology().ids(), 7);

        JournalRestore.Start start = JournalRestore.restore(engine, journal, someoneElse, T0.plusSeconds(600));

        assertFalse(start.replayed());
        assertEquals(7, start.state().plan().generation());
        assertEquals(null, start.lastCommand(), "the journal's commands are not in the state started from DNS");
    }

    @Test
    void whenDnsWinsTheOperatorsPinIsCarriedToTheStateStartedFromDnsUntilItsOwnExpiry() {
        // A failed journal write once lost the publish a tick held; the journal then disagreed with DNS and the
        // pins were dropped with it. An operator's pin does not depend on what DNS holds: it is kept.
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        firstRun(journal);
        TrafficPlan someoneElse = TrafficPlan.identity(settings.topology().ids(), 7);

        JournalRestore.Start start = JournalRestore.restore(engine, journal, someoneElse, T0.plusSeconds(600));

        assertFalse(start.replayed());
        assertEquals(List.of(new OperatorCommand.Evacuate("us-east-1", Duration.ofHours(2).minusSeconds(599),
                "db migration", "alice")), start.carried());
    }

    @Test
    void aPinCarriedAcrossARestartFromDnsKeepsItsTargetAndReason() {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        EngineState state = engine.initialState(T0);
        journal.checkpoint(new JsonlJournal.Checkpoint(T0, state.plan().toMap(), 0, 0));
        Instant at = T0.plusSeconds(1);
        Inputs pin = Inputs.commands(new OperatorCommand.Pin("eu-west-1", PinTarget.HEALTHY, Duration.ofHours(1),
                "vendor maintenance, probes will fail", "bob"));
        Step step = engine.step(state, pin, at);
        journal.append(new Journal.Entry(step.next().tick(), at, pin, step.actions()));
        TrafficPlan someoneElse = TrafficPlan.identity(settings.topology().ids(), 7);

        JournalRestore.Start start = JournalRestore.restore(engine, journal, someoneElse, T0.plusSeconds(601));

        assertEquals(List.of(new OperatorCommand.Pin("eu-west-1", PinTarget.HEALTHY, Duration.ofHours(1).minusSeconds(600),
                "vendor maintenance, probes will fail", "bob")), start.carried());
    }

    @Test
    void aDamagedStartCheckpointStillCarriesThePinsJournaledAfterIt() throws Exception {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        firstRun(journal);
        journal.close();
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, Files.readString(file).replaceFirst("\"generation\":0,", "\"generation\":0x,"));
        JsonlJournal reopened = new JsonlJournal(dir, 1 << 20, 3);

        JournalRestore.Start start = JournalRestore.restore(engine, reopened, null, T0.plusSeconds(600));

        assertFalse(start.replayed());
        assertEquals(List.of(new OperatorCommand.Evacuate("us-east-1", Duration.ofHours(2).minusSeconds(599),
                "db migration", "alice")), start.carried());
    }

    @Test
    void aReplicaWhoseJournalIsBehindDnsStartsFromDnsWithoutAWarning() {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        firstRun(journal);
        TrafficPlan leaderPublished = TrafficPlan.identity(settings.topology().ids(), 6);
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                JournalRestore.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            JournalRestore.Start start = JournalRestore.restore(engine, journal, leaderPublished, T0.plusSeconds(600),
                    true);

            assertFalse(start.replayed());
            assertEquals(6, start.state().plan().generation());
            assertEquals(List.of("INFO the journal (plan generation 1) is not what DNS holds (generation 6): starting "
                    + "from DNS; pins, freezes and incidents come from the shared state"), lines.list.stream()
                    .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList());
        } finally {
            logger.setLevel(level);
            logger.detachAppender(lines);
        }
    }

    @Test
    void noJournalStartsFromTheLivePlan() {
        JsonlJournal journal = new JsonlJournal(dir, 1 << 20, 3);
        TrafficPlan live = TrafficPlan.of(settings.topology().ids(), java.util.Map.of("us-east-1",
                java.util.Map.of("us-east-2", 1.0)), 3);

        JournalRestore.Start start = JournalRestore.restore(engine, journal, live, T0);

        assertEquals(houston.core.model.LocationState.EVACUATED,
                start.state().track(settings.topology().indexOf("us-east-1")).state());
        assertEquals(List.of(), journal.records());
    }
}
