package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.core.engine.Action;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.Step;
import houston.core.props.EngineScenario;
import houston.core.props.HistoryRunner;
import houston.core.props.Invariant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine's invariants hold on random histories over the shipped 15-location topology and
 * settings, and a history written to the journal and read back replays to the same actions.
 */
class DefaultTopologyEnginePropertiesTest {

    private static final HoustonSettings SETTINGS = HoustonConfigLoader.load(null);

    @Provide
    Arbitrary<EngineScenario> defaultWorld() {
        return EngineScenario.over(SETTINGS.topology(), SETTINGS.engine(), 60);
    }

    @Property
    void invariantsHoldOnTheDefaultTopology(@ForAll("defaultWorld") EngineScenario scenario) {
        scenario.play(EnumSet.allOf(Invariant.class));
    }

    @Property
    void theJournalReplaysToTheSameActions(@ForAll("defaultWorld") EngineScenario scenario) {
        List<HistoryRunner.Entry> journal = scenario.play(Set.of());

        List<String> replayed = replayThroughJournal(scenario, journal);

        assertEquals(describe(journal), replayed);
    }

    /** Encodes every step as a journal line, decodes it, and replays the decoded inputs on a fresh engine. */
    private static List<String> replayThroughJournal(EngineScenario scenario, List<HistoryRunner.Entry> journal) {
        DecisionEngine engine = new DecisionEngine(scenario.config(), scenario.topology());
        EngineState state = engine.initialState(HistoryRunner.START);
        List<String> replayed = new ArrayList<>();
        for (int i = 0; i < journal.size(); i++) {
            HistoryRunner.Entry entry = journal.get(i);
            JsonlJournal.Record record = JournalCodec.decode(JournalCodec.encode(i, entry.at(), entry.inputs(),
                    entry.actions()));
            Step step = engine.step(state, record.inputs(), record.at());
            for (Action a : step.actions()) {
                replayed.add(i + " " + JournalCodec.describe(a));
            }
            state = step.next();
        }
        return replayed;
    }

    private static List<String> describe(List<HistoryRunner.Entry> journal) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < journal.size(); i++) {
            for (Action a : journal.get(i).actions()) {
                lines.add(i + " " + JournalCodec.describe(a));
            }
        }
        return lines;
    }
}
