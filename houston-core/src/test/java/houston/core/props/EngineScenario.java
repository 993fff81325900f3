package houston.core.props;

import houston.core.config.EngineConfig;
import houston.core.engine.DecisionEngine;
import houston.core.model.Topology;
import net.jqwik.api.Arbitrary;

import java.util.List;
import java.util.Set;

/** A topology, the engine's settings and a history to play on them: one try of an engine property. */
public record EngineScenario(Topology topology, EngineConfig config, History history) {

    /** Random topologies of {@code min}..{@code max} locations, settings to match, histories of up to {@code maxTicks}. */
    public static Arbitrary<EngineScenario> random(int min, int max, int maxTicks) {
        return TopologyGenerator.topologies(min, max).flatMap(topology -> EngineConfigGenerator
                .forLocations(topology.size()).flatMap(config -> new HistoryGenerator(topology, config)
                        .histories(maxTicks).map(history -> new EngineScenario(topology, config, history))));
    }

    /** Histories of up to {@code maxTicks} over a fixed topology and settings. */
    public static Arbitrary<EngineScenario> over(Topology topology, EngineConfig config, int maxTicks) {
        return new HistoryGenerator(topology, config).histories(maxTicks)
                .map(history -> new EngineScenario(topology, config, history));
    }

    /** Plays the history, checking {@code checked} after every step (the replay: at the end); returns its journal. */
    public List<HistoryRunner.Entry> play(Set<Invariant> checked) {
        return new HistoryRunner(new DecisionEngine(config, topology), checked).play(history);
    }

    /** The Java that builds this scenario: a shrunk counterexample pastes into an example test. */
    @Override
    public String toString() {
        return "new EngineScenario(" + JavaText.of(topology) + ",\n    " + JavaText.of(config) + ",\n    " + history
                + ")";
    }
}
