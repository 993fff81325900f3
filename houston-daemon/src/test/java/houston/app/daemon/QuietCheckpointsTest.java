package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.Inputs;
import houston.core.engine.OperatorCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuietCheckpointsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path dir;

    private final HoustonSettings settings = HoustonConfigLoader.load(null);
    private final DecisionEngine engine = new DecisionEngine(settings.engine(), settings.topology());
    private final TestClock clock = new TestClock(T0);
    private JsonlJournal journal;

    @AfterEach
    void close() {
        journal.close();
    }

    private QuietCheckpoints checkpoints() {
        journal = new JsonlJournal(dir, 1 << 20, 3);
        return new QuietCheckpoints(engine, journal, clock, T0);
    }

    @Test
    void aQuietEngineIsCheckpointedEveryTenMinutes() {
        QuietCheckpoints checkpoints = checkpoints();
        clock.now = T0.plus(QuietCheckpoints.EVERY);

        checkpoints.afterTick(engine.initialState(T0));

        assertEquals(clock.now, journal.lastCheckpoint().at());
    }

    @Test
    void nothingIsCheckpointedBeforeTenMinutes() {
        QuietCheckpoints checkpoints = checkpoints();
        clock.now = T0.plus(QuietCheckpoints.EVERY).minusSeconds(1);

        checkpoints.afterTick(engine.initialState(T0));

        assertEquals(null, journal.lastCheckpoint());
    }

    @Test
    void anEvacuationInProgressIsNeverCheckpointed() {
        QuietCheckpoints checkpoints = checkpoints();
        EngineState evacuating = engine.step(engine.initialState(T0), Inputs.commands(new OperatorCommand.Evacuate(
                "us-east-1", Duration.ofHours(2), "drill", "alice")), T0.plusSeconds(1)).next();
        clock.now = T0.plus(QuietCheckpoints.EVERY);

        checkpoints.afterTick(evacuating);

        assertEquals(null, journal.lastCheckpoint());
    }
}
