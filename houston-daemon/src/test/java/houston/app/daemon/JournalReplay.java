package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.Step;
import houston.core.props.EngineScenario;
import houston.core.props.HistoryRunner;

import java.util.ArrayList;
import java.util.List;

/**
 * A played history written to the journal, read back and replayed on a fresh engine: what the
 * daemon does after a restart. Actions are compared as the journal records them, one line each,
 * prefixed by their step.
 */
final class JournalReplay {

    private JournalReplay() {
    }

    /** The actions a fresh engine takes on the journal's decoded inputs. */
    static List<String> replayed(EngineScenario scenario, List<HistoryRunner.Entry> journal) {
        DecisionEngine engine = new DecisionEngine(scenario.config(), scenario.topology());
        EngineState state = engine.initialState(HistoryRunner.START);
        List<String> replayed = new ArrayList<>();
        for (int i = 0; i < journal.size(); i++) {
            HistoryRunner.Entry entry = journal.get(i);
            JsonlJournal.Record record = JournalCodec.decode(JournalCodec.encode(i, entry.at(), entry.inputs(),
                    entry.actions()));
            Step step = engine.step(entry.from(state), record.inputs(), record.at());
            for (Action a : step.actions()) {
                replayed.add(i + " " + JournalCodec.describe(a));
            }
            state = step.next();
        }
        return replayed;
    }

    /** The actions the run took, as the journal records them. */
    static List<String> taken(List<HistoryRunner.Entry> journal) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < journal.size(); i++) {
            for (Action a : journal.get(i).actions()) {
                lines.add(i + " " + JournalCodec.describe(a));
            }
        }
        return lines;
    }
}
